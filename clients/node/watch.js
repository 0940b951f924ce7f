#!/usr/bin/env node
// A tiny live client for Gatehouse: connects over RSocket-over-WebSocket with the JWT in the setup frame,
// opens one stream route and prints every frame (the current state first, then each change) as a JSON line.
//
//   npm install                 # once, in this folder (versions pinned in package.json)
//   node watch.js <accessToken> [route] [ws-url]
//
// route defaults to gate.requests.stream; others: gate.entries.stream, notifications.stream, ...
// ws-url defaults to ws://localhost:8080/rsocket (or set GATEHOUSE_RSOCKET_URL).
const { RSocketConnector } = require("rsocket-core");
const { WebsocketClientTransport } = require("rsocket-websocket-client");
const {
  encodeCompositeMetadata, encodeRoute, encodeBearerAuthMetadata, WellKnownMimeType,
} = require("rsocket-composite-metadata");
const WebSocket = require("ws");

const [token, route = "gate.requests.stream", url = process.env.GATEHOUSE_RSOCKET_URL || "ws://localhost:8080/rsocket"] =
  process.argv.slice(2);
if (!token) {
  console.error("usage: node watch.js <accessToken> [route] [ws-url]");
  process.exit(2);
}

async function main() {
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
          [WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, encodeBearerAuthMetadata(token)],
        ]),
      },
    },
    transport: new WebsocketClientTransport({ url, wsCreator: (u) => new WebSocket(u) }),
  });
  const rsocket = await connector.connect();
  console.error(`connected to ${url}, streaming ${route} (Ctrl-C to stop)`);
  await new Promise((resolve, reject) => {
    rsocket.requestStream(
      {
        data: null,
        metadata: encodeCompositeMetadata([[WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, encodeRoute(route)]]),
      },
      1000000,
      {
        onNext(payload) {
          console.log(payload.data ? payload.data.toString() : "");
        },
        onError: reject,
        onComplete: resolve,
        onExtension() {},
      },
    );
  });
}

main().catch((error) => {
  console.error("stream failed:", error.message || error);
  process.exit(1);
});
