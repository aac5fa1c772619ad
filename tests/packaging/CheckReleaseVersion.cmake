# The newest AppStream release and the newest Debian changelog entry must be PROJECT_VERSION, the
# version both binaries print: one source of truth, checked rather than copied.
file(READ "${METAINFO}" metainfo)
string(REGEX MATCH "<release[^>]*version=\"([^\"]+)\"" _ "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "${METAINFO}: newest <release> is '${CMAKE_MATCH_1}', project version is ${VERSION}")
endif()
file(STRINGS "${CHANGELOG}" first LIMIT_COUNT 1)
string(REGEX MATCH "^socketscope \\(([^)]+)\\)" _ "${first}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "${CHANGELOG}: newest entry is '${CMAKE_MATCH_1}', project version is ${VERSION}")
endif()
message(STATUS "metainfo and changelog name ${VERSION}")
