// Ends the session after 30 minutes without input (CJIS), even while a circuit keeps the page alive.
(() => {
    const idleMs = 30 * 60 * 1000;
    let last = Date.now();
    const touch = () => { last = Date.now(); };
    ["mousemove", "keydown", "pointerdown", "scroll", "touchstart"].forEach(e =>
        document.addEventListener(e, touch, { passive: true }));
    setInterval(() => {
        const form = document.getElementById("idle-sign-out");
        if (form && Date.now() - last > idleMs) {
            form.submit();
        }
    }, 10 * 1000);
})();
