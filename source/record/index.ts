// Recording: asciicast v2 files from a live dashboard (--record) or rendered headlessly from a
// scenario at simulated time (--headless --scenario X --record X.cast --size 120x36), and
// keystroke scripts that drive an interactive session unattended (--script with key entries).
export { parseCast, headerLine, eventLine, castTime, type CastHeader, type CastEvent, type ParsedCast } from './asciicast.js';
export { openCastSink, memoryCastSink, type CastSink, type SinkOptions } from './cast-sink.js';
export { checkRecordPath } from './record-path.js';
export { describeFsError } from '../files/fs-errors.js';
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
export { parseKeyScript, loadKeyScript, parseDurationMs, type KeyScript, type ScheduledKey } from '../ui/input/key-script.js';
export { runKeyScript, realTimers, type Timers, type KeyScriptRun } from '../ui/input/key-script-run.js';
export { classifyScript, classifyScriptText } from '../ui/input/script-kind.js';
export { keySequence, NAMED_KEYS } from '../ui/input/key-names.js';
export { createScriptedStdin, type ScriptedStdin } from '../ui/input/scripted-stdin.js';
export { ScreenEncoder } from './screen.js';
