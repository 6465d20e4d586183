// Ends the session after Portal:IdleTimeoutMinutes without input (CJIS), even while a circuit keeps the page alive.
// The server ends an idle session's circuit by itself (Users/SessionClock); input here keeps the session open, by a
// keep-alive request at most every tenth of the idle time, so a person working in the page is not signed out.
(() => {
    const idleMs = Number(document.currentScript?.dataset.idleSeconds || 1800) * 1000;
    const keepAliveMs = Math.max(5000, Math.min(60000, idleMs / 10));
    let last = Date.now();
    let touched = false;
    // Once: a second submit while the first sign-out is under way would abort that navigation.
    let signingOut = false;
    const touch = () => { last = Date.now(); touched = true; };
    ["mousemove", "keydown", "pointerdown", "scroll", "touchstart"].forEach(e =>
        document.addEventListener(e, touch, { passive: true }));
    setInterval(() => {
        if (touched && document.getElementById("idle-sign-out")) {
            touched = false;
            fetch("Account/KeepAlive", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
        }
    }, keepAliveMs);
    setInterval(() => {
        const form = document.getElementById("idle-sign-out");
        if (form && !signingOut && Date.now() - last > idleMs) {
            signingOut = true;
            form.submit();
        }
    }, Math.min(10 * 1000, keepAliveMs));
})();
