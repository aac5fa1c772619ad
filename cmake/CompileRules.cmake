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
    target_compile_options(socketscope_compile_rules INTERFACE
        -Wall -Wextra -Wpedantic
        -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
        -Wshadow=local -Wcast-qual -Wformat=2 -Wundef)
    if(SOCKETSCOPE_ENABLE_WERROR)
        target_compile_options(socketscope_compile_rules INTERFACE -Werror)
    endif()
    if(SOCKETSCOPE_ENABLE_SANITIZERS)
        target_compile_options(socketscope_compile_rules INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(socketscope_compile_rules INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(socketscope_compile_rules INTERFACE /W4 /permissive- /utf-8)
endif()
