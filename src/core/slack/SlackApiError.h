#pragma once

#include "util/Result.h"

namespace socketscope {

// What the client should do after a failed Web API call (reference §1 error table).
enum class ApiFailureAction {
    Fatal,       // ask the operator to fix a token/app setting; never retry automatically
    RetrySlowly, // workspace migration states: minutes
    RateLimited, // wait Retry-After, then retry
    Transient,   // backoff with jitter
    ClientBug,   // the request was malformed: a SocketScope bug, do not hammer
};

struct ApiFailure
{
    Error error;
    ApiFailureAction action = ApiFailureAction::Transient;
    int retryAfterMs = 0; // from Retry-After on HTTP 429 (or a default)
    int httpStatus = 0;
};

// Maps a Slack `error` code (with optional needed/provided for missing_scope) to a failure whose
// message names the token and the fix. `method` is e.g. "apps.connections.open".
ApiFailure classifySlackError(const QString &method, const QString &code, const QString &needed = {},
                              const QString &provided = {});

} // namespace socketscope
