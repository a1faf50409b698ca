import { CSV_COLUMNS, csvCell, csvRow, neutraliseFormula, receiptsCsv } from '../../toolkit/export/csv';
import { chainOf, SAMPLE_STEPS, STATEMENTS } from './helpers';

/** A small RFC 4180 reader, to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('quotes %j as RFC 4180 asks', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '=HYPERLINK("http://x","y")'])(
    'neutralises the formula %j with a leading apostrophe',
    (value) => {
      const cell = csvCell(value);
      const [[read]] = parseCsv(`${cell}\r\n`) as [[string]];
      expect(read).toBe(`'${value}`);
    },
  );

  it('leaves harmless starts alone, and numbers and nulls as text', () => {
    expect(neutraliseFormula('712020:abc')).toBe('712020:abc');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(csvRow([1, null, undefined, 'x'])).toBe('1,,,x');
  });

  it('round-trips awkward cells through a reader', () => {
    const cells = ['a,b', 'q"q', 'line\r\nbreak', 'ok', '=bad', ''];
    expect(parseCsv(`${csvRow(cells)}\r\n`)).toEqual([cells.map((c) => (c === '=bad' ? "'=bad" : c))]);
  });
});

describe('receiptsCsv', () => {
  const chain = chainOf(SAMPLE_STEPS);
  const rows = parseCsv(receiptsCsv(chain));

  it('has a header and one row per receipt, CRLF-terminated', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(chain.length + 1);
    expect(receiptsCsv(chain).endsWith('\r\n')).toBe(true);
    expect(receiptsCsv(chain).split('\r\n')).toHaveLength(chain.length + 2);
  });

  it('holds each receipt field in its column', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const alice = rows[2]!;
    const receipt = chain[1]!.receipt;
    expect(alice[col('seq')]).toBe('2');
    expect(alice[col('kind')]).toBe('acknowledgment');
    expect(alice[col('receipt id')]).toBe(receipt.receiptId);
    expect(alice[col('time')]).toBe(receipt.at);
    expect(alice[col('statement version')]).toBe('1');
    expect(alice[col('statement hash')]).toBe(STATEMENTS[0]!.hash);
    expect(alice[col('effective date')]).toBe(STATEMENTS[0]!.source.effectiveDate);
    expect(alice[col('account id')]).toBe('712020:alice');
    expect(alice[col('product')]).toBe('jira');
    expect(alice[col('commitment')]).toBe(receipt.kind === 'acknowledgment' ? receipt.subject.commitment : 'x');
    expect(alice[col('prevHash')]).toBe(chain[0]!.receipt.hash);
    expect(alice[col('hash')]).toBe(receipt.hash);
  });

  it('says "erased" for an erased account and leaves events without an account', () => {
    const account = CSV_COLUMNS.indexOf('account id');
    const detail = CSV_COLUMNS.indexOf('detail');
    expect(rows[3]![account]).toBe('erased');
    expect(rows[1]![account]).toBe('');
    expect(rows[1]![CSV_COLUMNS.indexOf('commitment')]).toBe('');
    expect(rows[5]![detail]).toBe('account-closed; erased seqs 3');
    expect(rows[6]![detail]).toBe('app version 2.0.0');
  });

  it('neutralises an account ID that looks like a formula', () => {
    const [first] = chainOf([{ kind: 'ack', version: 1, account: 'x' }]);
    const csv = receiptsCsv([{ ...first!, accountId: '=cmd|"/c calc"!A1' }]);
    expect(parseCsv(csv)[1]![CSV_COLUMNS.indexOf('account id')]).toBe(`'=cmd|"/c calc"!A1`);
  });
});
