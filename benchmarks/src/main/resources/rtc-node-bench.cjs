'use strict';
// The side-by-side client: @livekit/rtc-node joins the emulator's LiveKit room at URL with TOKEN and publishes one
// camera track (H264, no simulcast) of the benchmark's frames at FPS: the base I420 frame from BASE_FILE with the
// moving 64x64 box and the frame counter drawn exactly as the Java harness draws them (BenchFrames, FrameCounter).
// Prints "PUSH n nanos" just before each frame is captured (process.hrtime.bigint(): CLOCK_MONOTONIC, the clock of
// Java's System.nanoTime on Linux). Pushes up to MAX_FRAMES frames, or up to frame N once told "last N" on stdin,
// then prints "DONE" and leaves.
const {
  Room, VideoSource, LocalVideoTrack, VideoFrame, VideoBufferType, TrackPublishOptions, TrackSource, VideoCodec, dispose,
} = require('@livekit/rtc-node');
const { VideoEncoding } = require('@livekit/rtc-ffi-bindings');
const fs = require('node:fs');

const [url, token, baseFile, widthArg, heightArg, fpsArg, framesArg] = process.argv.slice(2);
const readline = require('node:readline');
const WIDTH = Number(widthArg);
const HEIGHT = Number(heightArg);
const FPS = Number(fpsArg);
let last = Number(framesArg);
const BOX = 64;
const BOX_STEP = 8;
const BITS = 16;
const BLOCK = 32;

const base = fs.readFileSync(baseFile);

function frame(n) {
  const data = new Uint8Array(base);
  const left = (n * BOX_STEP) % (WIDTH - BOX);
  const top = HEIGHT / 2 - BOX / 2;
  for (let row = top; row < top + BOX; row++) {
    data.fill(235, row * WIDTH + left, row * WIDTH + left + BOX);
  }
  for (let bit = 0; bit < BITS; bit++) {
    const value = ((n >> bit) & 1) === 1 ? 235 : 16;
    for (let row = 0; row < BLOCK; row++) {
      data.fill(value, row * WIDTH + bit * BLOCK, row * WIDTH + bit * BLOCK + BLOCK);
    }
  }
  return new VideoFrame(data, WIDTH, HEIGHT, VideoBufferType.I420);
}

async function main() {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  const source = new VideoSource(WIDTH, HEIGHT);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  await room.localParticipant.publishTrack(track, new TrackPublishOptions({
    source: TrackSource.SOURCE_CAMERA, simulcast: false, videoCodec: VideoCodec.H264,
    // Room for 720p30 at full size, as our client sends it (without it rtc-node scales 720p down to fit its default).
    videoEncoding: new VideoEncoding({ maxBitrate: BigInt(3_000_000), maxFramerate: FPS }),
  }));
  console.log('PUBLISHED');
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, n] = line.trim().split(/\s+/);
    if (command === 'last') {
      last = Number(n);
    }
  });
  const start = process.hrtime.bigint();
  const period = BigInt(Math.round(1e9 / FPS));
  for (let n = 1; n <= last; n++) {
    const wait = Number(start + BigInt(n - 1) * period - process.hrtime.bigint()) / 1e6;
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const f = frame(n);
    console.log(`PUSH ${n} ${process.hrtime.bigint()}`);
    source.captureFrame(f);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  console.log('DONE');
  await room.disconnect();
  await dispose();
}

main().then(() => process.exit(0), (error) => {
  console.log(`ERROR ${(error && error.stack) || error}`);
  process.exit(1);
});
