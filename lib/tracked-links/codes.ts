import { customAlphabet } from "nanoid";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const LINK_CODE_LENGTH = 10;

// 10 base62 characters from the OS's cryptographic generator (≈ 59.5 bits): codes are
// independent of one another, so knowing one link says nothing about any other.
export const createLinkCode = customAlphabet(BASE62, LINK_CODE_LENGTH);

const CODE_PATTERN = /^[0-9A-Za-z]{8,32}$/;

// Cheap shape check before any cache or database lookup: junk paths never reach them.
export function isLinkCode(value: string) {
  return CODE_PATTERN.test(value);
}
