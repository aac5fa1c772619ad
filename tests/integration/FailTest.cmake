# Registered in place of a test whose runner is missing, so the gap fails loudly instead of vanishing.
message(FATAL_ERROR "${MESSAGE}")
