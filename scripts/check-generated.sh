#!/usr/bin/env bash
# Fails when a module's committed src/generated (Camel's configurers, metadata JSON, Component and Endpoint DSL)
# differs from what the build just generated into it. Run by Maven at verify; skipped outside a git checkout.
set -euo pipefail
module_dir="${1:?usage: check-generated.sh MODULE_DIR}"
cd "$module_dir"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-generated: not a git checkout, skipped"
  exit 0
fi
module="$(basename "$PWD")"
changed="$(git status --porcelain -- src/generated)"
if [[ -n "$changed" ]]; then
  echo "The generated Camel metadata of $module is stale: the build regenerated src/generated and it differs from" >&2
  echo "what git has (an option or header changed):" >&2
  echo "$changed" >&2
  echo "Review the change and commit it: git add $module/src/generated (the build has already regenerated it;" >&2
  echo "to regenerate alone: mvn -B -ntp -pl $module -am process-classes)." >&2
  exit 1
fi
