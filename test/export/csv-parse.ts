/**
 * A strict RFC 4180 reader, written for the tests independently of followup's writer: records end
 * with CRLF (the last one too), a field is either plain (no quote, comma, CR or LF) or quoted with
 * inner quotes doubled. Anything else throws.
 */
export function parseCsvStrict(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  if (text.length === 0) return records;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('a quoted field is not closed');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote inside a plain field at offset ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') {
        i += 2;
        break;
      }
      throw new Error(`expected a comma or CRLF at offset ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
    records.push(record);
  }
  return records;
}

/** Read one cell as written by a CSV writer (quoted or plain), strictly. */
export function unquoteCell(cell: string): string {
  const records = parseCsvStrict(`${cell}\r\n`);
  if (records.length !== 1 || records[0].length !== 1) throw new Error(`not one cell: ${JSON.stringify(cell)}`);
  return records[0][0];
}

/** The characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;
