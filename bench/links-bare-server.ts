// The baseline of `npm run bench -- links`: a bare node:http server answering the same 302
// from an in-memory map (code → destination), and nothing else.
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const destinations = new Map(
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\t") as [string, string]),
);

http
  .createServer((req, res) => {
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const destination = destinations.get(query === -1 ? url.slice(3) : url.slice(3, query));
    if (!destination) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(302, { Location: destination });
    res.end();
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
