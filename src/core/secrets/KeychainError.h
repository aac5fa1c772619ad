#pragma once

#include "secrets/SecretKind.h"
#include "util/Result.h"

#include <qt6keychain/keychain.h>

#include <QString>

namespace socketscope {

enum class KeychainOp { Read, Write, Remove, Probe };

// Turns a QtKeychain outcome into an Error naming the cause and the fix. QtKeychain reports many
// distinct situations as OtherError with only a D-Bus message (no bus, no Secret Service, no
// unlocked collection), so the detail text is classified as well. Never sees the secret value.
// Codes: keychain_unreachable, keychain_locked, keychain_denied, keychain_timeout, not_set,
// keychain_delete_failed, keychain_unsupported, keychain_error.
Error keychainError(QKeychain::Error code, const QString &detail, KeychainOp op, SecretKind kind,
                    const QString &profile);

// The message used whenever no keychain service answers at all.
Error keychainUnreachableError(const QString &detail);

} // namespace socketscope
