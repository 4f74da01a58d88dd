#!/bin/bash
# The deb's postrm (electron-builder deb.afterRemove). electron-builder fills ${executable} and
# ${sanitizedProductName} in; any other dollar-brace name would stop the build (see deb-after-install.sh). The
# first part is electron-builder's own after-remove.tpl, unchanged: naming a script here replaces it.

# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# --- Nuqta POS: the update service (see deb-after-install.sh) ---
# dpkg runs this with "upgrade" too, on every update the service itself installs: only a removal takes the
# service away, and only a purge the staged updates and the group. The till's data (its ledger, in the user's
# home) is never touched.
nuqta_root="$NUQTA_TEST_ROOT"
nuqta_state="$nuqta_root/var/lib/nuqta-pos"
nuqta_units="$nuqta_root/etc/systemd/system"
case "$1" in
  remove|purge)
    if [ -d "$nuqta_root/run/systemd/system" ]; then
      systemctl disable --now nuqta-pos-update.path || true
    else
      systemctl --root="${nuqta_root:-/}" disable nuqta-pos-update.path || true
    fi
    rm -f "$nuqta_units/nuqta-pos-update.path" "$nuqta_units/nuqta-pos-update.service"
    rm -f "$nuqta_units/paths.target.wants/nuqta-pos-update.path"
    if [ -d "$nuqta_root/run/systemd/system" ]; then
      systemctl daemon-reload || true
    fi
    rm -rf "$nuqta_state/update-run" "$nuqta_state/update-home"
    ;;
esac
if [ "$1" = purge ]; then
  rm -rf "$nuqta_state"
  if getent group nuqta-pos >/dev/null 2>&1; then
    groupdel nuqta-pos || true
  fi
fi
