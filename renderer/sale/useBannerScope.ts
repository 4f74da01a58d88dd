// Dismisses an error when its context changes (bannerScope.ts), and keeps the banner that floats over a dialog
// clear of the dialog's title (banner-scope.css).
import { useEffect, useRef } from 'react';
import type { Banner, BannerControls } from '../shell/useBanner';
import { outOfScope, type ScopeSeen } from './bannerScope';
import './banner-scope.css';

export function useBannerScope(banner: Banner | null, controls: BannerControls, scope: string): void {
  const seen = useRef<ScopeSeen>({ scope, bannerId: banner?.id ?? null });
  useEffect(() => {
    if (outOfScope(seen.current, scope, banner)) controls.clear();
    seen.current = { scope, bannerId: banner?.id ?? null };
  }, [scope, banner, controls]);
}
