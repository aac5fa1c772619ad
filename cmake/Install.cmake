# Install rules (GNUInstallDirs, included from the top-level CMakeLists.txt after the targets exist).
#   bin/socketscope-cli, bin/socketscope                      the two front ends
#   share/applications/<app-id>.desktop                        desktop entry (Linux/BSD)
#   share/metainfo/<app-id>.metainfo.xml                       AppStream
#   share/icons/hicolor/{scalable,NxN}/apps/<app-id>.{svg,png} app icon
#   share/man/man1/socketscope{,-cli}.1.gz                     manual pages
#   share/doc/socketscope/{copyright,changelog.gz}             (Debian layout; README elsewhere)
# Translations are embedded in the executable (qt_add_translations, :/i18n), so none are installed.

set(SOCKETSCOPE_APP_ID "io.github.socketscope.SocketScope")

install(TARGETS socketscope_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Man pages are gzip'ed with -n (no name or time stamp) so packages are reproducible.
find_program(SOCKETSCOPE_GZIP gzip)
set(socketscope_man_pages ${PROJECT_SOURCE_DIR}/packaging/man/socketscope-cli.1)
if(SOCKETSCOPE_BUILD_GUI)
    list(APPEND socketscope_man_pages ${PROJECT_SOURCE_DIR}/packaging/man/socketscope.1)
endif()
set(socketscope_gz_outputs)
foreach(page IN LISTS socketscope_man_pages)
    get_filename_component(name "${page}" NAME)
    if(SOCKETSCOPE_GZIP)
        set(out "${PROJECT_BINARY_DIR}/packaging/man/${name}.gz")
        add_custom_command(OUTPUT "${out}"
            COMMAND ${CMAKE_COMMAND} -DGZIP=${SOCKETSCOPE_GZIP} -DIN=${page} -DOUT=${out}
                    -P ${PROJECT_SOURCE_DIR}/cmake/GzipFile.cmake
            DEPENDS "${page}" ${PROJECT_SOURCE_DIR}/cmake/GzipFile.cmake VERBATIM)
        list(APPEND socketscope_gz_outputs "${out}")
        install(FILES "${out}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    else()
        install(FILES "${page}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endif()
endforeach()

# The Debian changelog of this native package, compressed the same way.
set(socketscope_changelog "${PROJECT_SOURCE_DIR}/packaging/debian/changelog")
if(SOCKETSCOPE_GZIP)
    set(out "${PROJECT_BINARY_DIR}/packaging/changelog.gz")
    add_custom_command(OUTPUT "${out}"
        COMMAND ${CMAKE_COMMAND} -DGZIP=${SOCKETSCOPE_GZIP} -DIN=${socketscope_changelog} -DOUT=${out}
                -P ${PROJECT_SOURCE_DIR}/cmake/GzipFile.cmake
        DEPENDS "${socketscope_changelog}" ${PROJECT_SOURCE_DIR}/cmake/GzipFile.cmake VERBATIM)
    list(APPEND socketscope_gz_outputs "${out}")
    set(socketscope_changelog "${out}")
endif()
# Built by `all`, so `cmake --install` and cpack find them.
add_custom_target(socketscope_install_docs ALL DEPENDS ${socketscope_gz_outputs})

if(UNIX AND NOT APPLE)
    # Named after the package, not the project (GNUInstallDirs' DOCDIR would be doc/SocketScope).
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${socketscope_changelog}
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/socketscope)
endif()

if(SOCKETSCOPE_BUILD_GUI)
    install(TARGETS socketscope
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
            BUNDLE DESTINATION .)
    if(UNIX AND NOT APPLE)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/${SOCKETSCOPE_APP_ID}.desktop
                DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/${SOCKETSCOPE_APP_ID}.metainfo.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/${SOCKETSCOPE_APP_ID}.svg
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
        foreach(size 16 22 24 32 48 64 128 256 512)
            install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/${SOCKETSCOPE_APP_ID}.png
                    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
        endforeach()
    endif()
endif()
