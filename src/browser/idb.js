// IndexedDB mirror of the drafts. A committed IndexedDB transaction is on disk
// when `complete` fires, while localStorage is flushed seconds later: this copy
// is what survives a killed browser or a power cut. ES2020, no dependencies.
const DB_NAME = 'selfcheck';
const STORE = 'drafts';
let opening = null;

function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined' || !indexedDB) {
        reject(new Error('IndexedDB unavailable'));
        return;
      }
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB blocked'));
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

function run(mode, work) {
  return db().then((d) => new Promise((resolve, reject) => {
    let tx;
    try {
      tx = d.transaction(STORE, mode, { durability: 'strict' });
    } catch (e) {
      tx = d.transaction(STORE, mode);
    }
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result.value);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  }));
}

export function idbPut(key, value) {
  return run('readwrite', (s) => { s.put(value, key); return {}; });
}

export function idbDelete(key) {
  return run('readwrite', (s) => { s.delete(key); return {}; });
}

/** Every stored value (JSON strings), in key order. */
export function idbGetAll() {
  return run('readonly', (s) => {
    const out = { value: [] };
    const req = s.getAll();
    req.onsuccess = () => { out.value = req.result; };
    return out;
  });
}
