#pragma once

#include "secrets/SecretKind.h"
#include "util/Result.h"

#include <QString>

namespace socketscope {

// Offline format checks for pasted secrets, so a wrong token is caught at paste time with the place in
// the Slack/Nautobot UI where the right one lives. Messages name prefixes and lengths, never the value.
namespace SecretFormat {

struct Checked
{
    QString value;        // what to store: surrounding whitespace removed (except for proxy passwords)
    bool trimmed = false; // the pasted text had leading/trailing whitespace (e.g. a copied newline)
};

// Validates and normalises. Leading/trailing whitespace is removed and flagged in Checked::trimmed;
// whitespace inside a token is an error.
Result<Checked> check(SecretKind kind, const QString &value);

// Same checks; ok() means check() would succeed. Use check() to get the trimmed value and the flag.
Result<void> validate(SecretKind kind, const QString &value);

} // namespace SecretFormat

} // namespace socketscope
