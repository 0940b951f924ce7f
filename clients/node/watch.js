#!/usr/bin/env node
// A tiny live client for Gatehouse: connects over RSocket-over-WebSocket with the JWT in the setup frame,
// opens one stream route and prints every frame (the current state first, then each change) as a JSON line.
//
//   npm install                 # once, in this folder (versions pinned in package.json)
//   node watch.js <accessToken> [route] [ws-url]
//   node watch.js --phone <phone> --password <password> [route] [ws-url]
//
// route defaults to gate.requests.stream; others: gate.entries.stream, notifications.stream, emergencies.stream, ...
// ws-url defaults to ws://localhost:8080/rsocket (or set GATEHOUSE_RSOCKET_URL); the REST API is found next
// to it (http://<same host and port>/api/v1, or set GATEHOUSE_API_URL).
//
// A connection lives no longer than its access token: when it expires the server ends the stream with an
// error frame "TOKEN_EXPIRED: ..." and closes the connection. This client then gets a fresh token (refresh
// token from its own login, or GATEHOUSE_REFRESH_TOKEN with a bare access token; else it logs in again with
// --phone/--password) and reconnects, resuming where it can: notifications.stream with {since: <last id>},
// so nothing is missed or repeated; the gate streams send their current state again. "ACCESS_CHANGED"
// (deactivated, new role or flat) gets a fresh token the same way (a deactivated account cannot, and the
// client stops); "LOGGED_OUT" and "TOO_MANY_STREAMS" stop it. A lost connection is retried with a back-off.
const { RSocketConnector } = require("rsocket-core");
const { WebsocketClientTransport } = require("rsocket-websocket-client");
const {
  encodeCompositeMetadata, encodeRoute, encodeBearerAuthMetadata, WellKnownMimeType,
} = require("rsocket-composite-metadata");
const WebSocket = require("ws");

function parseArgs(argv) {
  const options = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--phone") options.phone = argv[++i];
    else if (argv[i] === "--password") options.password = argv[++i];
    else options.positional.push(argv[i]);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const credentials = options.phone ? { phone: options.phone, password: options.password || process.env.GATEHOUSE_PASSWORD } : null;
const [token, route = "gate.requests.stream", url = process.env.GATEHOUSE_RSOCKET_URL || "ws://localhost:8080/rsocket"] =
  credentials ? [null, ...options.positional] : options.positional;
if (!token && !credentials) {
  console.error("usage: node watch.js <accessToken> [route] [ws-url]\n" +
    "       node watch.js --phone <phone> --password <password> [route] [ws-url]");
  process.exit(2);
}
const api = process.env.GATEHOUSE_API_URL || url.replace(/^ws/, "http").replace(/\/rsocket\/?$/, "") + "/api/v1";

const session = { accessToken: token, refreshToken: process.env.GATEHOUSE_REFRESH_TOKEN || null };
let since = null; // the last notification seen (notifications.stream resumes after it)

class Stop extends Error {}

async function post(path, body) {
  const response = await fetch(api + path, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(`${path} answered ${response.status}: ${answer.detail || response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return answer;
}

async function logIn() {
  const answer = await post("/auth/login", credentials);
  Object.assign(session, { accessToken: answer.accessToken, refreshToken: answer.refreshToken });
}

/** A fresh access token: by refresh token when there is one, else by logging in again. */
async function renew() {
  if (session.refreshToken) {
    try {
      const answer = await post("/auth/refresh", { refreshToken: session.refreshToken });
      Object.assign(session, { accessToken: answer.accessToken, refreshToken: answer.refreshToken });
      return;
    } catch (error) {
      if (error.status !== 401 || !credentials) throw new Stop(`cannot refresh: ${error.message}`);
    }
  }
  if (!credentials) {
    throw new Stop("the access token expired: pass --phone/--password or GATEHOUSE_REFRESH_TOKEN to reconnect");
  }
  try {
    await logIn();
  } catch (error) {
    throw new Stop(`cannot log in again: ${error.message}`);
  }
}

/** Opens one connection and the stream; resolves with why it ended ({code, message}). */
async function streamOnce() {
  const connector = new RSocketConnector({
    setup: {
      dataMimeType: "application/json",
      metadataMimeType: WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.string,
      keepAlive: 20000,
      lifetime: 90000,
      // the JWT, as bearer authentication metadata: without a valid one the server refuses the connection
      payload: {
        data: null,
        metadata: encodeCompositeMetadata([
          [WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, encodeBearerAuthMetadata(session.accessToken)],
        ]),
      },
    },
    transport: new WebsocketClientTransport({ url, wsCreator: (u) => new WebSocket(u) }),
  });
  const rsocket = await connector.connect();
  console.error(`connected to ${url}, streaming ${route}${since ? ` since ${since}` : ""} (Ctrl-C to stop)`);
  const request = route === "notifications.stream" && since ? { since } : {};
  return new Promise((resolve) => {
    let settled = false;
    const end = (why) => {
      if (!settled) {
        settled = true;
        resolve(why);
        setTimeout(() => rsocket.close(), 0);
      }
    };
    rsocket.onClose((error) => end({ code: "CLOSED", message: error ? error.message : "connection closed" }));
    rsocket.requestStream(
      {
        data: Buffer.from(JSON.stringify(request)),
        metadata: encodeCompositeMetadata([[WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, encodeRoute(route)]]),
      },
      1000000,
      {
        onNext(payload) {
          const text = payload.data ? payload.data.toString() : "";
          console.log(text);
          if (route === "notifications.stream") {
            try { since = JSON.parse(text).id || since; } catch (ignored) { /* not JSON */ }
          }
        },
        onError(error) {
          const message = (error && error.message) || String(error);
          end({ code: message.split(":")[0], message });
        },
        onComplete() { end({ code: "COMPLETE", message: "the server completed the stream" }); },
        onExtension() {},
      },
    );
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  if (credentials) await logIn();
  let backoff = 1000;
  for (;;) {
    let why;
    try {
      why = await streamOnce();
      backoff = 1000;
    } catch (error) {
      why = { code: "CONNECT_FAILED", message: (error && error.message) || String(error) };
    }
    console.error(`stream ended: ${why.message}`);
    switch (why.code) {
      case "TOKEN_EXPIRED":
      case "ACCESS_CHANGED":
        await renew();
        break;
      case "LOGGED_OUT":
      case "TOO_MANY_STREAMS":
        throw new Stop(why.message);
      default: {
        // a lost connection (or a refused one, e.g. an expired token at setup): renew if the token is
        // about to expire, then retry with a growing pause
        if (expiresWithin(session.accessToken, 5000)) await renew();
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 30000);
      }
    }
  }
}

/** Whether a JWT's exp is within ms from now (unreadable tokens count as expiring). */
function expiresWithin(jwt, ms) {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());
    return claims.exp * 1000 - Date.now() < ms;
  } catch (ignored) {
    return true;
  }
}

main().catch((error) => {
  console.error("stopped:", error.message || error);
  process.exit(1);
});
