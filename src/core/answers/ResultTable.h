#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>

namespace socketscope {

// Rows of Nautobot data as a table: what the REST console and "answer from Nautobot" show, and what
// a reply is built from.
struct ResultTable
{
    QString title;             // e.g. "list of devices"
    QStringList columns;
    QVector<QStringList> rows; // each row has columns.size() cells
    int totalCount = 0;        // the server's count (may exceed rows when truncated)
    bool truncated = false;
    QString source;            // the REST request(s), e.g. "GET /api/dcim/devices/?location=ams01&depth=1"

    // Columns padded to their widest cell, a rule under the header; as ChatOps renders its tables.
    QString toText() const;

    // Generic table from a Nautobot list ({"count","results":[…]}) or detail object: "display" first,
    // then every scalar field of the first result, nested objects shown by their display (or id);
    // arrays and url/notes_url are left out.
    static ResultTable fromJson(const QJsonObject &listOrDetail);

    // A related object or value as ChatOps shows it: display, else name/model/cid, else id; null → "".
    static QString cellText(const QJsonValue &value);
};

} // namespace socketscope
