package dev.camelovershoot.testinfra.browser;

import dev.camelovershoot.testinfra.NpmPackage;

/** The npm packages of the browser check, pinned here and nowhere else (docs/emulator.md lists them). */
final class BrowserPackages {

    /** LiveKit's browser SDK: publishes into a native stream's room. */
    static final NpmPackage LIVEKIT_CLIENT = new NpmPackage("livekit-client", "2.23.0");
    /** Overshoot's browser SDK, the only version on npm: legacy WebRTC with the pre-2026-02 create body. */
    static final NpmPackage OVERSHOOT_SDK = new NpmPackage("@overshoot/sdk", "0.1.0-alpha.2");
    /** Drives Debian's Chromium; unlike {@code puppeteer} it never downloads a browser. 24.x still runs on Node 20. */
    static final NpmPackage PUPPETEER_CORE = new NpmPackage("puppeteer-core", "24.43.1");

    static final NpmPackage[] ALL = {LIVEKIT_CLIENT, OVERSHOOT_SDK, PUPPETEER_CORE};

    private BrowserPackages() {
    }
}
