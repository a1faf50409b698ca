/** The pseudo-locale: every English message accented and lengthened (see ../pseudo.ts). Tests only. */
import { PSEUDO_FORMAT_LOCALE, type Catalog, type Message, type MessageKey } from '../catalog';
import { accent, pseudoLocalise } from '../pseudo';
import en from './en';

function pseudoMessage(message: Message): Message {
  if (typeof message === 'string') return pseudoLocalise(message);
  const out: Message = { other: pseudoLocalise(message.other) };
  for (const [category, text] of Object.entries(message)) out[category as Intl.LDMLPluralRule] = pseudoLocalise(text);
  return out;
}

export const messages = Object.fromEntries(
  (Object.keys(en) as MessageKey[]).map((key) => [key, pseudoMessage(en[key])]),
) as Catalog;
export const formatLocale = PSEUDO_FORMAT_LOCALE;
export const decorate = accent;
