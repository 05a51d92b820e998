#include "deadboltversion.h"
#include "mainwindow.h"
#include "screenshots.h"

#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>

// The editor's entry point: `deadbolt [FILE...]`. Everything else lives in ui/.
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Deadbolt"));
    QApplication::setOrganizationName(QStringLiteral("Deadbolt"));
    QApplication::setOrganizationDomain(QStringLiteral("deadbolt.github.io"));
    QApplication::setApplicationVersion(QStringLiteral(DEADBOLT_VERSION_LONG));
    QApplication::setDesktopFileName(QStringLiteral("io.github.deadbolt.Deadbolt"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/deadbolt.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Editor for immutable container deployments (Docker Compose, Kubernetes)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Files to open."),
                                 QStringLiteral("[FILE...]"));
    // For scripts/screenshots: render each file and exit.
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Save PNGs of the window into DIR and exit."), QStringLiteral("DIR"));
    parser.addOption(screenshots);
    parser.process(app);

    deadbolt::MainWindow window;
    if (parser.isSet(screenshots)) {
        const QStringList written =
            deadbolt::saveScreenshots(&window, parser.positionalArguments(), parser.value(screenshots));
        for (const QString &file : written)
            std::puts(qPrintable(file));
        return written.isEmpty() ? 1 : 0;
    }
    for (const QString &file : parser.positionalArguments())
        window.openFile(file);
    window.show();
    return app.exec();
}
