'use strict';
// A real LiveKit client for the emulator's cross-check: @livekit/rtc-node joins the room at URL with TOKEN and
// publishes one 320x240 camera track of solid-colour frames at 15 fps, starting red.
// Steered by stdin, one command per line: "rgb R G B" changes the colour, "exit" (or end of input) leaves the room
// and ends the process. Prints one line per event on stdout.
const {
  Room, RoomEvent, VideoSource, LocalVideoTrack, VideoFrame, VideoBufferType, TrackPublishOptions, TrackSource, dispose,
} = require('@livekit/rtc-node');
const readline = require('node:readline');

const [url, token] = process.argv.slice(2);
const WIDTH = 320;
const HEIGHT = 240;
const FPS = 15;

const log = (event, detail = '') => console.log(`EVENT ${event} ${detail}`.trim());

function solid(rgb) {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 4);
  for (let i = 0; i < pixels.length; i += 4) {
    pixels.set([rgb[0], rgb[1], rgb[2], 255], i);
  }
  return new VideoFrame(pixels, WIDTH, HEIGHT, VideoBufferType.RGBA);
}

async function main() {
  const room = new Room();
  room.on(RoomEvent.Reconnecting, () => log('reconnecting'));
  room.on(RoomEvent.Reconnected, () => log('reconnected'));
  room.on(RoomEvent.Disconnected, (reason) => log('disconnected', reason));
  room.on(RoomEvent.TokenRefreshed, () => log('tokenRefreshed'));

  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  log('connected');
  const source = new VideoSource(WIDTH, HEIGHT);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  await room.localParticipant.publishTrack(track,
    new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false }));
  log('published');

  let frame = solid([255, 0, 0]);
  const pacer = setInterval(() => source.captureFrame(frame), 1000 / FPS);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [command, ...args] = line.trim().split(/\s+/);
    if (command === 'rgb') {
      frame = solid(args.map(Number));
      log('colour', args.join(' '));
    } else if (command === 'exit') {
      break;
    }
  }
  clearInterval(pacer);
  await room.disconnect();
  await dispose();
  log('exited');
}

main().then(() => process.exit(0), (error) => {
  log('error', (error && error.stack) || error);
  process.exit(1);
});
