# One INTERFACE target carries every project-wide compile rule; each target links it.
add_library(socketscope_compile_rules INTERFACE)
add_library(SocketScope::CompileRules ALIAS socketscope_compile_rules)

target_compile_features(socketscope_compile_rules INTERFACE cxx_std_17)

target_compile_definitions(socketscope_compile_rules INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    SOCKETSCOPE_VERSION="${PROJECT_VERSION}"
)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # GCC spells it -Wshadow=local; clang (fuzz builds) has no such option and would warn about it.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        set(socketscope_compiler_specific_warnings -Wshadow=local)
    else()
        # Qt's qCDebug(category) << … uses an empty __VA_ARGS__, which clang's -Wpedantic flags in C++17.
        set(socketscope_compiler_specific_warnings -Wshadow-uncaptured-local -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    target_compile_options(socketscope_compile_rules INTERFACE
        -Wall -Wextra -Wpedantic
        -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
        ${socketscope_compiler_specific_warnings} -Wcast-qual -Wformat=2 -Wundef)
    if(SOCKETSCOPE_ENABLE_WERROR)
        target_compile_options(socketscope_compile_rules INTERFACE -Werror)
    endif()
    if(SOCKETSCOPE_BUILD_FUZZERS)
        # Every project object gets libFuzzer's coverage hooks plus ASan/UBSan; only the fuzz
        # executables link libFuzzer's main (-fsanitize=fuzzer, tests/fuzz/CMakeLists.txt).
        target_compile_options(socketscope_compile_rules INTERFACE
            -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(socketscope_compile_rules INTERFACE -fsanitize=address,undefined)
    elseif(SOCKETSCOPE_ENABLE_SANITIZERS)
        target_compile_options(socketscope_compile_rules INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(socketscope_compile_rules INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(socketscope_compile_rules INTERFACE /W4 /permissive- /utf-8)
endif()
