#pragma once

#include <QDialog>

class QMainWindow;

namespace socketscope {

// Help → About: the version from CMake's project(VERSION), the Qt version the app runs on and the one
// it was built with, the QtKeychain version it was built against, the license and the project links.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The same facts as plain text, one per line (for bug reports and tests).
    static QString versionReport();
};

// Adds a Help menu with "About SocketScope" and "About Qt" to the window's menu bar.
void installHelpMenu(QMainWindow *window);

} // namespace socketscope
