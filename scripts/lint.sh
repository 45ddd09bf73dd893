#!/usr/bin/env bash
# House rules the compiler does not check: no `any`, and botbuilder only under bot/ and dialogs/.
set -u
cd "$(dirname "$0")/.."
status=0
if grep -RnE '(:\s*any\b|\bas any\b|<any>|any\[\])' --include='*.ts' bot dialogs services sandbox test bench scripts 2>/dev/null; then
  echo "lint: 'any' is not allowed (use unknown and narrow it)"; status=1
fi
if grep -RnE "from 'botbuilder" --include='*.ts' services sandbox 2>/dev/null; then
  echo "lint: botbuilder may only be imported under bot/ and dialogs/"; status=1
fi
if grep -RnE 'process\.env[.[)]' --include='*.ts' bot dialogs services 2>/dev/null | grep -v 'bot/index.ts'; then
  echo "lint: read configuration through services/config only"; status=1
fi
exit $status
