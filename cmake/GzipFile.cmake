# cmake -DGZIP=<gzip> -DIN=<file> -DOUT=<file.gz> -P GzipFile.cmake
# gzip -9n: best compression, no name or time stamp in the header (reproducible, lintian-clean).
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${GZIP}" -9nc "${IN}" OUTPUT_FILE "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    file(REMOVE "${OUT}")
    message(FATAL_ERROR "gzip ${IN} failed: ${rc}")
endif()
