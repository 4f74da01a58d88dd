// Updates: a signed feed or an offline folder, a verified staged installer, and the policy that says when it may
// be applied; the install step per platform (./install): the shell and the admin screen hand over to it.
export { createUpdates, type Updates, type UpdatesOptions, type UpdateSettingsView, type CheckResult, type DownloadResult, type Ready } from './service';
export { whenToApply, type Decision, type PolicyInput, type TillState, type UpdatePolicy } from './policy';
export { isOpenAt, localMinutes } from './hours';
export { compareVersions, isSemver } from './semver';
export { RELEASE_KEYS, type TrustedKey } from './keys';
export { Manifest, MAX_INSTALLER_BYTES, type UpdateFile } from './manifest';
export { UPDATE_PLATFORMS, detectPlatform, type UpdatePlatform } from './platform';
export { httpsFetch, type UpdateFetch, type FetchResponse, type HttpsFetchOptions } from './fetch';
export { MANIFEST_NAME, SIGNATURE_NAME, type StagedUpdate } from './staging';
export { UpdateError, isUpdateError, updateErrorCatalog, waitReasonCatalog, type UpdateErrorCode, type WaitReasonCode } from './errors';
export {
  appImageInstaller,
  applyStagedDeb,
  applyStagedUpdate,
  checkAuthenticode,
  debInstaller,
  debPaths,
  launchDetached,
  noInstaller,
  runCommand,
  windowsInstaller,
  START_TASK,
  UPDATE_TASK,
  type ApplyOutcome,
  type DebPaths,
  type DebResult,
  type Installer,
  type LaunchDetached,
  type RunCommand,
} from './install';
