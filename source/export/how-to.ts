// The lines `--list-scenarios` ends with: how to run, record and export a lesson.

export function lessonHowTo(names: readonly string[]): string {
  const name = names.find((n) => n.includes('partition')) ?? names[0] ?? '08-partition';
  const file = name.replace(/^\d+-/, '');
  return [
    '',
    `Run a lesson:    kube-ha-lab --scenario ${name}            (headless, with checks: add --headless)`,
    `Record it:       kube-ha-lab --headless --scenario ${name} --record ${file}.cast --size 120x36`,
    `Export it:       kube-ha-lab export ${file}.cast ${file}.svg      (or ${file}.gif; --frame MARKER for a still)`,
    '',
  ].join('\n');
}
