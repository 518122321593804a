// Recording: asciicast v2 files from a live dashboard (--record) or rendered headlessly from a
// scenario at simulated time (--headless --scenario X --record X.cast --size 120x36), and
// keystroke scripts that drive an interactive session unattended (--script with key entries).
export {
  checkRecordPath,
  openCastSink,
  memoryCastSink,
  parseCast,
  headerLine,
  eventLine,
  castTime,
  describeFsError,
  type CastHeader,
  type CastEvent,
  type CastSink,
  type ParsedCast,
  type SinkOptions,
} from './asciicast.js';
export {
  recordStdout,
  startInteractiveRecording,
  wallClock,
  type Clock,
  type RecordingStdout,
  type InteractiveRecording,
  type InteractiveRecordingOptions,
} from './record-stdout.js';
export {
  renderScenarioToCast,
  renderToCast,
  headlessHeader,
  dashboardView,
  parseSize,
  type RenderScenarioOptions,
  type RenderCastOptions,
  type RenderCastResult,
  type FrameView,
  type FrameViewProps,
  type Size,
} from './render-scenario.js';
export {
  parseKeyScript,
  loadKeyScript,
  runKeyScript,
  classifyScript,
  classifyScriptText,
  keySequence,
  parseDurationMs,
  NAMED_KEYS,
  realTimers,
  type KeyScript,
  type ScheduledKey,
  type Timers,
  type KeyScriptRun,
} from '../ui/input/key-script.js';
export { createScriptedStdin, type ScriptedStdin } from '../ui/input/scripted-stdin.js';
export { ScreenEncoder } from './screen.js';
