# macOS recipe (included by cmake/Packaging.cmake when APPLE). Not built or verified on this
# project's Debian CI: see packaging/macos/README.md.
#
# socketscope becomes SocketScope.app (Info.plist from packaging/macos/Info.plist.in); Qt's deploy
# script runs macdeployqt at install time (frameworks, plugins, translations into the bundle);
# CPack's DragNDrop generator makes the DMG. socketscope-cli is installed inside the bundle
# (Contents/MacOS) so it finds the same frameworks; users can symlink it onto their PATH.

set_target_properties(socketscope PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME "SocketScope"
    MACOSX_BUNDLE_INFO_PLIST "${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "io.github.socketscope.SocketScope"
    MACOSX_BUNDLE_BUNDLE_NAME "SocketScope"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "SocketScope.icns"
    MACOSX_BUNDLE_COPYRIGHT "Copyright The SocketScope authors. Apache-2.0.")

# The .icns is made from the committed PNGs by packaging/macos/make-icns.sh (iconutil, macOS only).
set(socketscope_icns "${PROJECT_SOURCE_DIR}/packaging/macos/SocketScope.icns")
if(EXISTS "${socketscope_icns}")
    target_sources(socketscope PRIVATE "${socketscope_icns}")
    set_source_files_properties("${socketscope_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
endif()

install(TARGETS socketscope_cli RUNTIME DESTINATION "SocketScope.app/Contents/MacOS")

# Qt 6.4 spells the output variable FILENAME_VARIABLE (Qt >= 6.5 also accepts OUTPUT_SCRIPT).
qt_generate_deploy_app_script(
    TARGET socketscope
    FILENAME_VARIABLE socketscope_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT "${socketscope_deploy_script}")

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "SocketScope ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_FILE_NAME "SocketScope-${PROJECT_VERSION}-macOS")
# Signing and notarisation happen after cpack (packaging/macos/README.md): codesign needs the
# Developer ID identity in the login keychain, notarytool an App Store Connect key.
