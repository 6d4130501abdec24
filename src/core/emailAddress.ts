// Whether an e-mail address can be written to: the plan sends a letter instead when it cannot
// (SPEC section 5), and the e-mail writer puts it in a header as it is.

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Whether an address can go into a header as it is: local@domain, ASCII, a dotted domain.
 * @example isEmailAddress("compta@egpl.fr") // true
 * @example isEmailAddress("compta@egpl") // false
 */
export function isEmailAddress(address: string): boolean {
  const at = address.lastIndexOf("@");
  if (at <= 0) return false;
  const local = address.slice(0, at);
  return local.length <= 64 && LOCAL_PART.test(local) && DOMAIN.test(address.slice(at + 1));
}
