# CPack: one set of package metadata, then per-platform generators.
#   Linux:   DEB (always) and RPM (when rpmbuild is found). scripts/package-deb.sh builds, lints,
#            installs, runs and removes the .deb.
#   Windows: packaging/windows/Windows.cmake (windeployqt via qt_generate_deploy_app_script, NSIS/WiX).
#   macOS:   packaging/macos/MacOS.cmake (app bundle, macdeployqt, DragNDrop DMG).
# The version is PROJECT_VERSION, the same value the binaries print for --version.

set(SOCKETSCOPE_MAINTAINER "SocketScope developers <dev@socketscope.invalid>"
    CACHE STRING "Package maintainer (Name <address>) for the .deb/.rpm")

set(CPACK_PACKAGE_NAME "socketscope")
set(CPACK_PACKAGE_VENDOR "The SocketScope authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${SOCKETSCOPE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "inspector and console for Nautobot ChatOps on Slack Socket Mode")
set(CPACK_PACKAGE_DESCRIPTION
"SocketScope opens a Slack Socket Mode connection with an app-level token and
shows every envelope live: acknowledgement time, retries, duplicates and the
life of each WebSocket link. Captures are kept in SQLite and exported to JSON
Lines with secrets redacted. A built-in simulator provides a demo workspace
without any Slack token.

This package contains the desktop application socketscope and the headless
command socketscope-cli (listen, sim, export, import).")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "SocketScope")
set(CPACK_PACKAGE_EXECUTABLES "socketscope;SocketScope")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "\\\\.sqlite$" "\\\\.capture$")

if(WIN32)
    include(${PROJECT_SOURCE_DIR}/packaging/windows/Windows.cmake)
elseif(APPLE)
    include(${PROJECT_SOURCE_DIR}/packaging/macos/MacOS.cmake)
else()
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    set(CPACK_GENERATOR "DEB")
    find_program(SOCKETSCOPE_RPMBUILD rpmbuild)
    if(SOCKETSCOPE_RPMBUILD)
        list(APPEND CPACK_GENERATOR "RPM")
    endif()

    # --- Debian ---------------------------------------------------------------------------------
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}") # native package: no Debian revision
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
    # dpkg-shlibdeps derives Depends from the binaries' NEEDED libraries (Qt, QtKeychain, libc…).
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # …but not the plugins Qt loads at run time: the SQLite driver always (captures), and for the GUI
    # the platform plugins (xcb/wayland/offscreen) and the SVG icon engine and image plugin.
    set(socketscope_deb_plugins "libqt6sql6-sqlite")
    if(SOCKETSCOPE_BUILD_GUI)
        string(APPEND socketscope_deb_plugins ", qt6-qpa-plugins, libqt6svg6")
    endif()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "${socketscope_deb_plugins}")
    # QtKeychain needs a Secret Service (or KWallet) on the session bus to keep tokens; without one
    # SocketScope says so and tokens can still come from environment variables.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc | libkf5wallet-bin")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n")

    # --- RPM (built here when rpmbuild exists; names are Fedora's, not verified on Fedora) ---------
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
    set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
    set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
    set(CPACK_RPM_PACKAGE_AUTOREQ ON)
    if(SOCKETSCOPE_BUILD_GUI)
        set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtsvg")
    endif()
    set(CPACK_RPM_PACKAGE_SUGGESTS "gnome-keyring")
    # Directories owned by the filesystem package must not be claimed by ours.
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
        /usr/share/man /usr/share/man/man1 /usr/share/doc)
    foreach(size scalable 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
             /usr/share/icons/hicolor/${size} /usr/share/icons/hicolor/${size}/apps)
    endforeach()
endif()

include(CPack)
