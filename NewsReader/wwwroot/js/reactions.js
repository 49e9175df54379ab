// The story page's reaction form without a page load, in place of Blazor's enhanced forms (reader
// pages load no framework script). It posts the form with fetch, follows the 303 back to the
// story, and swaps in the fresh #reactions section, keeping focus on the button pressed. Without
// this script, or when anything here fails, the form posts as the plain form it is and the browser
// loads the story again at #reactions.
(() => {
    "use strict";

    async function post(form, submitter) {
        const response = await fetch(form.action, {
            method: "POST",
            body: new URLSearchParams(new FormData(form, submitter)),
            credentials: "same-origin",
        });
        if (!response.ok) {
            throw new Error(`reaction post answered ${response.status}`);
        }
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("reactions");
        const current = document.getElementById("reactions");
        if (!fresh || !current) {
            throw new Error("no #reactions in the answer");
        }
        current.replaceWith(fresh);
        fresh.querySelector(`button[name="kind"][value="${CSS.escape(submitter.value)}"]`)?.focus();
    }

    document.addEventListener("submit", event => {
        const form = event.target;
        const submitter = event.submitter;
        if (!form.matches("#reactions form") || form.dataset.plain || !submitter) {
            return;
        }
        event.preventDefault();
        post(form, submitter).catch(() => {
            form.dataset.plain = "true";
            form.requestSubmit(submitter);
        });
    });
})();
