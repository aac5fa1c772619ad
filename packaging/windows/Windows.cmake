# Windows recipe (included by cmake/Packaging.cmake when WIN32). Not built or verified on this
# project's Debian CI: see packaging/windows/README.md.
#
# Deployment: Qt's deploy script runs windeployqt at install time, so `cmake --install` and cpack
# get Qt's DLLs, the platform/sqldrivers/iconengines/imageformats/tls plugins, Qt's translations
# and the MSVC runtime next to the executables. QtKeychain's DLL is not a Qt module: it is copied
# from its imported target.

set_target_properties(socketscope PROPERTIES WIN32_EXECUTABLE ON) # no console window for the GUI

# Qt 6.4 spells the output variable FILENAME_VARIABLE (Qt >= 6.5 also accepts OUTPUT_SCRIPT).
qt_generate_deploy_app_script(
    TARGET socketscope
    FILENAME_VARIABLE socketscope_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT "${socketscope_deploy_script}")
qt_generate_deploy_app_script(
    TARGET socketscope_cli
    FILENAME_VARIABLE socketscope_cli_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT "${socketscope_cli_deploy_script}")

# qtkeychain's DLL (imported target from find_package(Qt6Keychain)).
if(TARGET qt6keychain)
    install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/socketscope")

# WiX and NSIS want the license as .txt (or .rtf).
configure_file("${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_BINARY_DIR}/LICENSE.txt" COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_BINARY_DIR}/LICENSE.txt")

# Installer: NSIS (per-user install, no admin) by default; WiX (MSI) when -DSOCKETSCOPE_WIX=ON.
option(SOCKETSCOPE_WIX "Build an MSI with WiX instead of an NSIS installer" OFF)
set(CPACK_PACKAGE_FILE_NAME "SocketScope-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/socketscope.ico")
if(SOCKETSCOPE_WIX)
    set(CPACK_GENERATOR "WIX")
    # Keep this GUID for every release: it lets an MSI upgrade the previous one.
    set(CPACK_WIX_UPGRADE_GUID "6B0E3C52-2F0B-4E62-9C0C-5D1E3B7A9F41")
    set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/socketscope.ico")
    set(CPACK_WIX_INSTALL_SCOPE "perUser")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "SocketScope")
else()
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_PACKAGE_NAME "SocketScope ${PROJECT_VERSION}")
    set(CPACK_NSIS_DISPLAY_NAME "SocketScope")
    set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/socketscope.ico")
    set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/packaging/windows/socketscope.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\socketscope.exe")
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}/issues")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    # Per-user install under %LOCALAPPDATA%\Programs (CMake >= 3.19 honours this variable).
    set(CPACK_NSIS_DEFINES "RequestExecutionLevel user")
    set(CPACK_NSIS_INSTALL_ROOT "$LOCALAPPDATA\\\\Programs")
    set(CPACK_NSIS_CREATE_ICONS_EXTRA
        "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\SocketScope.lnk' '$INSTDIR\\\\bin\\\\socketscope.exe'")
    set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\SocketScope.lnk'")
endif()
