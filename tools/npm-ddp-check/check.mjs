// Done-when check of issue #3: Rocket.Chat's own DDP client (@rocket.chat/ddp-client) logs in to the
// standalone test server, subscribes to a room's messages, sends a message and receives it.
//
// Usage (server started with --seed, see README.md here):
//   node --experimental-websocket check.mjs [http://127.0.0.1:3000]
// Node 20 has no global WebSocket without that flag (Node 22+ has it); the package uses the global one.
import { createHash, randomUUID } from 'node:crypto';
import ddpClient from '@rocket.chat/ddp-client';

const { DDPSDK } = ddpClient;
const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const username = process.env.RC_USER ?? 'alice';
const password = process.env.RC_PASSWORD ?? 'alice-pass';

if (typeof WebSocket === 'undefined') {
  console.error('No global WebSocket: run with node --experimental-websocket (Node 20) or Node 22+.');
  process.exit(2);
}

const timeout = setTimeout(() => {
  console.error('FAIL: timed out after 15 s');
  process.exit(1);
}, 15000);

const sdk = await DDPSDK.createAndConnect(url);
console.log('connected to', url, 'session status:', sdk.connection.status);

// loginWithPassword sends its second argument as the sha-256 digest, so hash it here like the web client.
const digest = createHash('sha256').update(password, 'utf8').digest('hex');
await sdk.account.loginWithPassword(username, digest);
console.log('logged in as', username, 'uid', sdk.account.uid);

const rid = await sdk.call('getRoomIdByNameOrId', 'general');
console.log('room id of general:', rid);

const text = `hello from @rocket.chat/ddp-client ${randomUUID()}`;
let subscription;
const received = new Promise((resolve) => {
  subscription = sdk.stream('room-messages', rid, (message) => {
    if (message?.msg === text) {
      resolve(message);
    }
  });
});
// The package flags the subscription ready when the server's `ready` arrives; wait for that flag.
while (!subscription.isReady) {
  if (subscription.error) {
    throw new Error(`subscription failed: ${JSON.stringify(subscription.error)}`);
  }
  await new Promise((r) => setTimeout(r, 20));
}
console.log('subscribed to stream-room-messages', rid, '(ready)');

const sent = await sdk.call('sendMessage', { rid, msg: text });
console.log('sendMessage result _id:', sent?._id, 'ts:', JSON.stringify(sent?.ts));

const message = await received;
console.log('received on stream-room-messages:', JSON.stringify({ _id: message._id, msg: message.msg, u: message.u }));
console.log(message._id === sent._id ? 'PASS: the message came back on the room stream' : 'FAIL: ids differ');

clearTimeout(timeout);
await sdk.account.logout();
sdk.connection.close();
process.exit(message._id === sent._id ? 0 : 1);
