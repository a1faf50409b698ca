/**
 * The stable code on every verifier problem, with the check it comes from. docs/receipts.md lists the same
 * codes (a test keeps the two in step). Pure.
 */
export const PROBLEM_CODES = {
  // The file as text (exit 2)
  'PPV-FILE-UNREADABLE': 'file: not JSON, too large, nested too deep, or an absurd number',
  'PPV-FORMAT': 'file: not a privacy-panel.export/1 file',
  // Strict parsing
  'PPV-JSON-DUPLICATE-KEY': 'strict parse: an object names the same key twice',
  'PPV-JSON-UNKNOWN-FIELD': 'strict parse: a field the format does not have',
  'PPV-SHAPE': 'strict parse: a field of the wrong type or form',
  // What the file proves about itself
  'PPV-STATEMENT-HASH': 'file: a statement version does not re-hash to its hash',
  'PPV-STATEMENT-DUPLICATE': 'file: a statement version appears twice',
  'PPV-STATEMENT-UNREFERENCED': 'file: a version no receipt references and statementsForHistory does not list',
  'PPV-TRANSLATION-HASH': 'file: a translation does not re-hash to its hash',
  'PPV-TRANSLATION-SOURCE': 'file: a translation names a version or source hash the file does not hold',
  'PPV-CHAIN-HASH': 'chain: a receipt does not re-hash to its hash',
  'PPV-CHAIN-BROKEN': "chain: a receipt's prevHash is not the hash of the receipt before",
  'PPV-CHAIN-SEQ': 'chain: seqs do not run 1, 2, 3… in file order',
  'PPV-CHAIN-NOT-CHECKED': 'chain: some entries are not receipts, so the chain was not checked',
  'PPV-CHAIN-SUMMARY': 'chain: chain.length or chain.headHash does not describe the receipts',
  'PPV-RECEIPT-SITE': 'file: a receipt names another installation or product than the file',
  'PPV-RECEIPT-NOTICE': 'file: a receipt names a statement version, hash, date or id the file does not hold',
  'PPV-RECEIPT-SHOWN': 'file: a receipt records a translation as shown that the file does not hold as such',
  'PPV-RECEIPT-SUBJECT': 'file: an account ID, the salt or an erasure gap does not match the sealed commitment',
  'PPV-RECEIPT-ERASURE': 'file: an account-erased receipt names receipts it cannot have erased',
  'PPV-CHECKSUM': 'file: the checksum does not match the content',
  // Anchors from outside the file
  'PPV-HEAD': '--head: the chain does not end in the head hash noted at export time',
  'PPV-WITNESS-UNREADABLE': '--witness: the receipt file cannot be read (exit 2)',
  'PPV-WITNESS-SEAL': '--witness: a kept receipt does not re-hash to its hash',
  'PPV-WITNESS-SITE': '--witness: the kept receipt is of another installation or product',
  'PPV-WITNESS-MISSING': '--witness: the export does not hold the kept receipt at its seq, as kept',
  'PPV-WITNESS-HEAD': '--witness: the export does not hold the chain head the receipt file noted',
  'PPV-SINCE-UNREADABLE': '--since: the earlier export or head cannot be read (exit 2)',
  'PPV-SINCE-SITE': '--since: the earlier export is of another installation or product',
  'PPV-SINCE-SHORTER': '--since: the later export holds fewer receipts than the earlier one',
  'PPV-SINCE-REWRITTEN':
    '--since: the later export does not extend the earlier one (a receipt before its head differs)',
  'PPV-LOCK-UNREADABLE': '--lock: the published lock cannot be read (exit 2)',
  'PPV-LOCK-STATEMENT': '--lock: a statement version is not in the lock, or differs from it',
  'PPV-LOCK-TRANSLATION': '--lock: a translation is not in the lock, or translates a text the lock does not hold',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface VerifyProblem {
  /** Where in the file: 'format', 'statements[v2]', 'receipts[12] (seq 13)', 'chain', 'checksum', … */
  where: string;
  /** Stable, listed in docs/receipts.md (the table above). */
  code: ProblemCode;
  /** Never more than a few hundred characters: values from the file are clipped. */
  message: string;
}
