// MoQ interop probe, run in headless Chromium on a page the server serves.
// Publishes a sine tone as Opus (WebCodecs) to broadcast `input` through the official @moq/lite client,
// watches broadcast `output`, decodes it (WebCodecs) and reports frame counts and levels per second in
// window.__moqResult. Query parameters: path (gateway path), seconds, freq, amplitude; and optionally
// session, node, gain, tuneAt: at second tuneAt, tune node's gain through the WebSocket control API.
import * as Moq from "@moq/lite";
import { Legacy } from "@moq/hang/container";
const { encodeFrame, Format } = Legacy;

const params = new URLSearchParams(location.search);
const path = params.get("path") ?? "/moq";
const seconds = Number(params.get("seconds") ?? "8");
const freq = Number(params.get("freq") ?? "440");
const amplitude = Number(params.get("amplitude") ?? "0.25");
const SAMPLE_RATE = 48000;
const FRAME = 960; // 20 ms

const result = { log: [], published: 0, received: 0, decoded: 0, levels: [], errors: [] };
window.__moqResult = result;
const log = (line) => { result.log.push(`${Math.round(performance.now())} ${line}`); };

async function certificateHash() {
  const text = (await (await fetch("/certificate.sha256")).text()).trim();
  return new Uint8Array(text.match(/../g).map((h) => parseInt(h, 16)));
}

function catalog() {
  return { audio: { renditions: { "audio/data": { codec: "opus", container: { kind: "legacy" },
    sampleRate: SAMPLE_RATE, numberOfChannels: 1, bitrate: 64000, jitter: 20 } } } };
}

function publish(connection, startedAt) {
  const broadcast = new Moq.Broadcast();
  connection.publish(Moq.Path.from("input"), broadcast);
  let audioTrack;
  (async () => {
    for (;;) {
      const request = await broadcast.requested();
      if (!request) return;
      log(`publisher: subscription to ${request.track.name}`);
      if (request.track.name === "catalog.json") request.track.writeJson(catalog());
      else if (request.track.name === "audio/data") audioTrack = request.track;
      else request.track.close(new Error("not found"));
    }
  })();
  const encoder = new AudioEncoder({
    output: (chunk) => {
      if (!audioTrack) return;
      const group = audioTrack.appendGroup();
      group.writeFrame(encodeFrame(chunk, chunk.timestamp));
      group.close();
      result.published++;
    },
    error: (e) => result.errors.push(`encoder: ${e.message}`),
  });
  encoder.configure({ codec: "opus", sampleRate: SAMPLE_RATE, numberOfChannels: 1, bitrate: 64000 });
  let frameIndex = 0;
  const pump = () => {
    // Keep the encoder fed up to real time, one 20 ms frame at a time.
    const due = Math.floor((performance.now() - startedAt) / 20);
    for (; frameIndex < due && frameIndex < seconds * 50; frameIndex++) {
      const samples = new Float32Array(FRAME);
      for (let i = 0; i < FRAME; i++) {
        const n = frameIndex * FRAME + i;
        samples[i] = amplitude * Math.sin((2 * Math.PI * freq * n) / SAMPLE_RATE);
      }
      encoder.encode(new AudioData({ format: "f32", sampleRate: SAMPLE_RATE, numberOfFrames: FRAME,
        numberOfChannels: 1, timestamp: frameIndex * 20000, data: samples }));
    }
  };
  return setInterval(pump, 10);
}

// Waits until the server announces `output` (it does once the pipeline produced its first packet), as a
// watching client does, then subscribes to its catalog and first audio rendition.
async function watch(connection, startedAt) {
  const announced = connection.announced(Moq.Path.from(""));
  for (;;) {
    const entry = await announced.next();
    if (!entry) throw new Error("announcements ended before `output` was announced");
    log(`watcher: announced ${entry.path} active=${entry.active}`);
    if (entry.path === "output" && entry.active) break;
  }
  const broadcast = connection.consume(Moq.Path.from("output"));
  const catalogTrack = broadcast.subscribe("catalog.json", 100);
  const outputCatalog = await catalogTrack.readJson();
  log(`watcher: catalog ${JSON.stringify(outputCatalog)}`);
  const renditions = Object.keys(outputCatalog?.audio?.renditions ?? {});
  if (renditions.length === 0) throw new Error("output catalog has no audio rendition");
  const track = broadcast.subscribe(renditions[0], 80);
  const format = new Format();
  const decoder = new AudioDecoder({
    output: (data) => {
      const samples = new Float32Array(data.numberOfFrames);
      data.copyTo(samples, { planeIndex: 0, format: "f32-planar" });
      const second = Math.floor((performance.now() - startedAt) / 1000);
      let bucket = result.levels[second] ?? { sumSquares: 0, count: 0 };
      for (const s of samples) bucket.sumSquares += s * s;
      bucket.count += samples.length;
      result.levels[second] = bucket;
      result.decoded++;
      data.close();
    },
    error: (e) => result.errors.push(`decoder: ${e.message}`),
  });
  decoder.configure({ codec: "opus", sampleRate: SAMPLE_RATE, numberOfChannels: 1 });
  for (;;) {
    const frame = await track.readFrame();
    if (!frame) return;
    for (const media of format.decode(frame)) {
      result.received++;
      decoder.decode(new EncodedAudioChunk({ type: "key", timestamp: Number(media.timestamp), data: media.payload }));
    }
  }
}

// Sends tunenode {UpdateParams: {gain}} over the server's WebSocket control API, as StreamKit's UI does.
function tuneLater(startedAt) {
  const session = params.get("session");
  if (!session) return;
  const at = Number(params.get("tuneAt") ?? "4");
  setTimeout(() => {
    const socket = new WebSocket(`ws://${location.host}/api/v1/control`);
    socket.onopen = () => socket.send(JSON.stringify({ type: "request", correlation_id: "tune", payload: {
      action: "tunenode", session_id: session, node_id: params.get("node") ?? "gain",
      message: { UpdateParams: { gain: Number(params.get("gain") ?? "2") } } } }));
    socket.onmessage = (message) => {
      log(`control: ${message.data}`);
      result.tunedAtMs = performance.now() - startedAt;
      socket.close();
    };
    socket.onerror = () => result.errors.push("control socket failed");
  }, at * 1000);
}

async function main() {
  const hash = await certificateHash();
  const url = new URL(`https://${location.hostname}:${location.port}${path}`);
  const connection = await Moq.Connection.connect(url, {
    webtransport: { serverCertificateHashes: [{ algorithm: "sha-256", value: hash }] },
    websocket: { enabled: false },
  });
  result.version = connection.version;
  log(`connected, version ${connection.version}`);
  const startedAt = performance.now();
  const pump = publish(connection, startedAt);
  tuneLater(startedAt);
  let closing = false;
  watch(connection, startedAt).catch((e) => { if (!closing) result.errors.push(`watch: ${e.message}`); });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 1000));
  clearInterval(pump);
  closing = true;
  result.elapsedMs = performance.now() - startedAt;
  result.levels = result.levels.map((b) => (b && b.count ? 10 * Math.log10(b.sumSquares / b.count + 1e-12) : null));
  connection.close();
}

main().catch((e) => result.errors.push(`main: ${e.message}`)).finally(() => { result.done = true; });
