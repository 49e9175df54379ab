// The story editor's browser half.
//
// The body is not bound to the server key by key: a 200 KB story would cross the wire on every
// keystroke. Instead the text is sent after a pause in typing (longer for long bodies, so the
// preview is not re-rendered on every word) and at once when a button asks for it (flush).
//
// Everything typed is also kept in localStorage, so that a dropped connection or a reload loses
// nothing: the server offers to restore it when the editor opens the story again.

const STORAGE_PREFIX = "newsreader:story:";
const MAX_BODY_BYTES = 1024 * 1024;
// The hub accepts 2 MB a message (NewsReaderApp.cs); keep room for the envelope.
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024 - 64 * 1024;
const encoder = new TextEncoder();

function stateOf(textarea) {
    return textarea && textarea.__storyEditor;
}

function sendDelay(length) {
    return length > 100_000 ? 1000 : length > 20_000 ? 600 : 300;
}

// What may be sent: the text, or only its size when it is over the limit.
function measure(text) {
    const bytes = encoder.encode(text).length;
    if (bytes > MAX_BODY_BYTES || encoder.encode(JSON.stringify(text)).length > MAX_MESSAGE_BYTES) {
        return { body: null, tooLongBytes: bytes };
    }
    return { body: text, tooLongBytes: 0 };
}

async function send(state) {
    clearTimeout(state.sendTimer);
    state.sendTimer = 0;
    if (!state.pending) {
        return;
    }
    state.pending = false;
    const message = measure(state.textarea.value);
    try {
        if (message.body === null) {
            await state.dotnet.invokeMethodAsync("BodyTooLong", message.tooLongBytes);
        } else {
            await state.dotnet.invokeMethodAsync("BodyChanged", message.body);
        }
    } catch {
        // The connection is down: the local copy has the text; send again with the next change.
        state.pending = true;
    }
}

function storeSoon(state) {
    clearTimeout(state.storeTimer);
    state.storeTimer = setTimeout(() => storeNow(state), 400);
}

function storeNow(state) {
    clearTimeout(state.storeTimer);
    state.storeTimer = 0;
    if (!state.key || !state.fields || !state.changed) {
        return;
    }
    const copy = { ...state.fields, body: state.textarea.value, savedAt: new Date().toISOString() };
    try {
        localStorage.setItem(STORAGE_PREFIX + state.key, JSON.stringify(copy));
    } catch {
        // Storage full or disabled: the server's autosave still holds drafts.
    }
}

export function attach(textarea, dotnet, key, fields) {
    const state = {
        textarea, dotnet, key, fields,
        pending: false, changed: false, sendTimer: 0, storeTimer: 0,
    };
    state.onInput = () => {
        state.pending = true;
        state.changed = true;
        clearTimeout(state.sendTimer);
        state.sendTimer = setTimeout(() => send(state), sendDelay(textarea.value.length));
        storeSoon(state);
    };
    state.onPageHide = () => storeNow(state);
    // A picture pasted or dropped on the body (or the lead image field) goes to that field's upload,
    // which checks, uploads and, once described, inserts it; text still pastes and drops as text.
    state.onFiles = filesTo("#story-body-upload input[type=file]");
    state.onLeadFiles = filesTo("#story-lead-upload input[type=file]");
    state.lead = document.getElementById("story-lead-image");
    textarea.__storyEditor = state;
    textarea.addEventListener("input", state.onInput);
    textarea.addEventListener("paste", state.onFiles);
    textarea.addEventListener("drop", state.onFiles);
    state.lead?.addEventListener("paste", state.onLeadFiles);
    state.lead?.addEventListener("drop", state.onLeadFiles);
    window.addEventListener("pagehide", state.onPageHide);
}

function filesTo(inputSelector) {
    return (event) => {
        const files = (event.clipboardData || event.dataTransfer)?.files;
        const input = document.querySelector(inputSelector);
        if (!files || files.length === 0 || !input) {
            return;
        }
        event.preventDefault();
        const chosen = new DataTransfer();
        chosen.items.add(files[0]);
        input.files = chosen.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
    };
}

// Puts text (a described picture's Markdown) where the cursor is, and sends the body as typing would.
export function insertAtCursor(textarea, text) {
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const before = textarea.value.slice(0, start);
    const gap = before.length === 0 || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    textarea.setRangeText(gap + text + "\n", start, end, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
}

// The editor closed (navigation inside the admin area): keep what is unsaved, stop listening.
export function detach(textarea) {
    const state = stateOf(textarea);
    if (!state) {
        return;
    }
    storeNow(state);
    clearTimeout(state.sendTimer);
    textarea.removeEventListener("input", state.onInput);
    textarea.removeEventListener("paste", state.onFiles);
    textarea.removeEventListener("drop", state.onFiles);
    state.lead?.removeEventListener("paste", state.onLeadFiles);
    state.lead?.removeEventListener("drop", state.onLeadFiles);
    window.removeEventListener("pagehide", state.onPageHide);
    delete textarea.__storyEditor;
}

// Sends a body change that is still waiting for a pause in typing; resolves once the server has it.
export async function flush(textarea) {
    const state = stateOf(textarea);
    if (state) {
        await send(state);
    }
}

// The server replaced the text (a restore, a reload of the other version).
export function setBody(textarea, text) {
    const state = stateOf(textarea);
    textarea.value = text;
    if (state) {
        clearTimeout(state.sendTimer);
        state.pending = false;
    }
}

// The other fields, as the server has them; changed says whether they differ from what is saved.
export function storeFields(textarea, fields, changed) {
    const state = stateOf(textarea);
    if (!state) {
        return;
    }
    state.fields = fields;
    state.changed = state.changed || changed;
    storeSoon(state);
}

// A new story got its id: its local copy moves from "new" to the id.
export function rekey(textarea, key) {
    const state = stateOf(textarea);
    if (!state || state.key === key) {
        return;
    }
    const old = state.key;
    state.key = key;
    try {
        localStorage.removeItem(STORAGE_PREFIX + old);
    } catch {
    }
    storeNow(state);
}

export function readLocal(key) {
    try {
        const text = localStorage.getItem(STORAGE_PREFIX + key);
        return text ? JSON.parse(text) : null;
    } catch {
        return null;
    }
}

// Everything is saved: forget the local copy until the next change.
export function clearLocal(textarea, key) {
    const state = stateOf(textarea);
    if (state) {
        clearTimeout(state.storeTimer);
        state.changed = false;
    }
    try {
        localStorage.removeItem(STORAGE_PREFIX + key);
    } catch {
    }
}

export function replaceUrl(url) {
    history.replaceState(history.state, "", url);
}
