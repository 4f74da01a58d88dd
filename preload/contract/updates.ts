// What the admin screen's Updates tab exchanges with main: the running version and the update policy, the latest
// signed release the feed offers, the staged (verified) update, and whether it may be installed now with the
// reasons it waits. The view never touches files: an offline update folder is named by its path and main reads it.
import { z } from 'zod';
import { ErrorData } from './schemas';

export const UpdatePolicyName = z.enum(['off', 'manual', 'automatic']);

export const UpdateRelease = z.object({
  version: z.string(),
  releasedAt: z.string(),
  notes: z.object({ ar: z.string(), en: z.string() }),
  size: z.number().int().nonnegative(),
});
export type UpdateRelease = z.infer<typeof UpdateRelease>;

/** What the feed said at the last check, or why nothing was asked. */
export const UpdateCheck = z.discriminatedUnion('status', [
  z.object({ status: z.literal('off') }),
  z.object({ status: z.literal('no-feed') }),
  z.object({ status: z.literal('up-to-date'), latest: z.string() }),
  z.object({ status: z.literal('available'), release: UpdateRelease }),
  z.object({ status: z.literal('failed'), error: ErrorData }),
]);
export type UpdateCheck = z.infer<typeof UpdateCheck>;

/** Whether the staged update may be installed now (main/updates/policy.ts). */
export const UpdateDecision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nothing-staged') }),
  z.object({ kind: z.literal('policy-off') }),
  z.object({ kind: z.literal('may-install') }),
  z.object({ kind: z.literal('wait'), reasons: z.array(ErrorData) }),
  z.object({ kind: z.literal('refuse'), reason: ErrorData }),
]);
export type UpdateDecision = z.infer<typeof UpdateDecision>;

export const UpdatesStatus = z.object({
  currentVersion: z.string(),
  platform: z.string(),
  /** How this till installs: the Windows task, replacing the AppImage, the admin's package manager, or not here. */
  installer: z.enum(['windows', 'appimage', 'deb', 'none']),
  policy: UpdatePolicyName,
  feedUrl: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  check: UpdateCheck.nullable(),
  checkedAt: z.string().nullable(),
  staged: UpdateRelease.extend({ sha256: z.string(), signedBy: z.string(), installerPath: z.string() }).nullable(),
  decision: UpdateDecision,
});
export type UpdatesStatus = z.infer<typeof UpdatesStatus>;

/** An offline update folder (USB drive, network share) holding latest.json, its .sig and the installer; at most Windows' MAX_PATH. */
export const UpdateFolder = z.string().trim().min(1).max(260);

export const InstallAnswer = z.discriminatedUnion('outcome', [
  /** The installer has been handed over; the till closes in a moment and comes back on the new version. */
  z.object({ outcome: z.literal('installing'), version: z.string() }),
  /** Not now: the reasons, each in both languages; nothing changed. */
  z.object({ outcome: z.literal('refused'), reasons: z.array(ErrorData), status: UpdatesStatus }),
]);
export type InstallAnswer = z.infer<typeof InstallAnswer>;
