import { config } from "zod";

// zod 4 compiles object parsers with `new Function` unless told not to; our CSP refuses eval
// (no 'unsafe-eval'), so the browser would report a violation on the first form that
// validates. Interpreted parsing is plenty fast for a form.
config({ jitless: true });
