// No "server-only": the benchmark streams exports too.
import Papa from "papaparse";

// Every CSV Relais hands out is written here, so they all read the same in a spreadsheet:
// a BOM first (Excel then reads accents as UTF-8), CRLF line ends (RFC 4180), and
// escapeFormulae: a cell starting with = + - @ tab or CR is prefixed with ', so a
// spreadsheet shows it as text and never runs it (CSV injection, as OWASP advises).
const BOM = "\uFEFF";
const NEWLINE = "\r\n";

const lines = (rows: unknown[][]) => Papa.unparse(rows, { escapeFormulae: true, newline: NEWLINE });

// A whole file: a header row, then the rows.
export function toCsv(header: string[], rows: unknown[][]): string {
  return `${BOM}${lines([header, ...rows])}${NEWLINE}`;
}

// The same as a stream of chunks: the header, then each batch of rows as it comes, so a
// million rows never sit in memory.
export async function* csvChunks<Row extends Record<string, unknown>>(columns: { key: string; label: string }[], batches: AsyncIterable<Row[]> | Iterable<Row[]>) {
  yield `${BOM}${lines([columns.map((c) => c.label)])}${NEWLINE}`;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${lines(batch.map((row) => columns.map((c) => row[c.key] ?? "")))}${NEWLINE}`;
  }
}

export function csvResponse(filename: string, body: string | AsyncIterable<string>) {
  return new Response(typeof body === "string" ? body : streamOf(body), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}

function streamOf(chunks: AsyncIterable<string>) {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
