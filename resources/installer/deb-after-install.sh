#!/bin/bash
# The deb's postinst (electron-builder deb.afterInstall). electron-builder fills ${executable} and
# ${sanitizedProductName} in; any other dollar-brace name would stop the build, so shell variables here are
# written $name. The first part is electron-builder's own after-install.tpl, unchanged (the PATH link, the
# chrome-sandbox mode, the menu, the AppArmor profile): naming a script here replaces it.
# test/updates/deb-scripts.test.ts checks that it is still the installed electron-builder's template.

if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Check if user namespaces are supported by the kernel and working with a quick test:
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    # Use SUID chrome-sandbox only on systems without user namespaces:
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Install apparmor profile. (Ubuntu 24+)
# First check if the version of AppArmor running on the device supports our profile.
# This is in order to keep backwards compatibility with Ubuntu 22.04 which does not support abi/4.0.
# In that case, we just skip installing the profile since the app runs fine without it on 22.04.
#
# Those apparmor_parser flags are akin to performing a dry run of loading a profile.
# https://wiki.debian.org/AppArmor/HowToUse#Dumping_profiles
#
# Unfortunately, at the moment AppArmor doesn't have a good story for backwards compatibility.
# https://askubuntu.com/questions/1517272/writing-a-backwards-compatible-apparmor-profile
if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"

    # Updating the current AppArmor profile is not possible and probably not meaningful in a chroot'ed environment.
    # Use cases are for example environments where images for clients are maintained.
    # There, AppArmor might correctly be installed, but live updating makes no sense.
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      # Extra flags taken from dh_apparmor:
      # > By using '-W -T' we ensure that any abstraction updates are also pulled in.
      # https://wiki.debian.org/AppArmor/Contribute/FirstTimeProfileImport
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the installation of the AppArmor profile as this version of AppArmor does not seem to support the bundled profile"
  fi
fi

# --- Nuqta POS: the update service (main/updates/install/deb.ts, docs/updates.md) ---
# The till never runs as root. nuqta-pos-update.path starts nuqta-pos-update.service (root) when the till writes
# /var/lib/nuqta-pos/updates/install-request; the service verifies the staged update again and installs it.
#   /var/lib/nuqta-pos/updates      root:nuqta-pos 2770  the till stages, requests and reads the result here
#   /var/lib/nuqta-pos/update-run   root:root 0700       the verified copy that apt-get installs
#   /var/lib/nuqta-pos/update-home  root:root 0700       the root service's own Electron profile
# The till's user joins nuqta-pos once (sudo usermod -aG nuqta-pos <user>); the package cannot know who it is.
# NUQTA_TEST_ROOT is for the tests only (a temporary root); on a till it is unset and the paths are the real ones.
# Run again by every upgrade, from inside the service itself: it only (re)writes and enables, never stops or
# restarts the service, which would kill the apt-get that runs this script.
nuqta_root="$NUQTA_TEST_ROOT"
nuqta_state="$nuqta_root/var/lib/nuqta-pos"
nuqta_units="$nuqta_root/etc/systemd/system"
nuqta_source="$nuqta_root"'/opt/${sanitizedProductName}/resources/systemd'

getent group nuqta-pos >/dev/null 2>&1 || groupadd --system nuqta-pos

mkdir -p "$nuqta_state/updates" "$nuqta_state/update-run" "$nuqta_state/update-home" "$nuqta_units"
chown root:root "$nuqta_state" && chmod 0755 "$nuqta_state"
# setgid: what the till writes there stays in the group, so a second till user in the group can replace it.
chown root:nuqta-pos "$nuqta_state/updates" && chmod 2770 "$nuqta_state/updates"
chown root:root "$nuqta_state/update-run" && chmod 0700 "$nuqta_state/update-run"
chown root:root "$nuqta_state/update-home" && chmod 0700 "$nuqta_state/update-home"

for nuqta_unit in nuqta-pos-update.path nuqta-pos-update.service; do
  cp -f "$nuqta_source/$nuqta_unit" "$nuqta_units/$nuqta_unit"
  chmod 0644 "$nuqta_units/$nuqta_unit"
done

if [ -d "$nuqta_root/run/systemd/system" ]; then
  systemctl daemon-reload || true
  # A failure here leaves the till installed and usable; its Updates tab then says the service is missing or
  # does not answer, and the journal says why.
  systemctl enable --now nuqta-pos-update.path || echo "nuqta-pos: could not enable nuqta-pos-update.path; updates will not install by themselves" >&2
else
  # No running systemd (an image being built, a container): enabled for the next boot.
  systemctl --root="${nuqta_root:-/}" enable nuqta-pos-update.path || true
fi
