#include "capture/AckJournal.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QtEndian>

#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace socketscope {

namespace {

constexpr char kMagic[8] = {'S', 'S', 'A', 'C', 'K', 'S', '0', '2'};
constexpr qint64 kHeaderBytes = 16;         // magic, generation
constexpr qint64 kRecordHeaderBytes = 16;   // payload length, CRC-32 of the payload, generation
// Payload: a kind byte, then for an envelope session, link, received, committed and the raw frame; for
// ack times (record offset, acked) pairs.
constexpr quint8 kEnvelopeRecord = 1;
constexpr quint8 kAckTimesRecord = 2;
constexpr qint64 kFixedPayloadBytes = 1 + 8 + 4 + 8 + 8;
constexpr qint64 kAckTimeBytes = 8 + 8;
constexpr quint32 kMaxPayloadBytes = 512u << 20;      // far above any frame SocketScope accepts

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

quint32 crc32(const char *data, qint64 size)
{
    const auto &table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (qint64 i = 0; i < size; ++i)
        c = table[(c ^ quint8(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

template <typename T> void put(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

template <typename T> T get(const char *at)
{
    return qFromLittleEndian<T>(at);
}

bool writeAll(int fd, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(size), offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}

} // namespace

QString AckJournal::pathFor(const QString &capturePath)
{
    return capturePath + QStringLiteral("-acks");
}

Error AckJournal::ioError(const QString &what, int errnum) const
{
    const QString detail = QString::fromLocal8Bit(std::strerror(errnum));
    if (errnum == ENOSPC || errnum == EDQUOT || errnum == EFBIG) {
        return {QStringLiteral("capture_disk_full"),
                QStringLiteral("%1 failed for the capture's ack journal %2: %3.").arg(what, m_path, detail),
                QStringLiteral("Free disk space or start a new capture on another disk.")};
    }
    if (errnum == EACCES || errnum == EROFS || errnum == EPERM) {
        return {QStringLiteral("capture_read_only"),
                QStringLiteral("%1 failed for the capture's ack journal %2: %3.").arg(what, m_path, detail),
                QStringLiteral("Make the capture's folder writable, or open the capture read-only.")};
    }
    return {QStringLiteral("capture_io_error"),
            QStringLiteral("%1 failed for the capture's ack journal %2: %3.").arg(what, m_path, detail),
            QStringLiteral("Check the disk (space, permissions, network file system).")};
}

Result<std::unique_ptr<AckJournal>> AckJournal::acquire(const QString &capturePath)
{
    std::unique_ptr<AckJournal> journal(new AckJournal);
    journal->m_path = pathFor(capturePath);
    const QByteArray native = QFile::encodeName(journal->m_path);
    journal->m_fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (journal->m_fd < 0)
        return journal->ioError(QStringLiteral("Opening"), errno);
    if (::flock(journal->m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return std::unique_ptr<AckJournal>();
        return journal->ioError(QStringLiteral("Locking"), errno);
    }
    journal->readHeader();
    return journal;
}

Result<std::unique_ptr<AckJournal>> AckJournal::peekOrphaned(const QString &capturePath)
{
    std::unique_ptr<AckJournal> journal(new AckJournal);
    journal->m_path = pathFor(capturePath);
    journal->m_fd = ::open(QFile::encodeName(journal->m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (journal->m_fd < 0) {
        if (errno == ENOENT)
            return std::unique_ptr<AckJournal>();
        return journal->ioError(QStringLiteral("Opening"), errno);
    }
    // A shared lock is refused while a writer holds its exclusive one.
    if (::flock(journal->m_fd, LOCK_SH | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return std::unique_ptr<AckJournal>();
        return journal->ioError(QStringLiteral("Locking"), errno);
    }
    journal->readHeader();
    return journal;
}

// The header as found; a file without one (new, or cut short) has nothing to replay.
void AckJournal::readHeader()
{
    char header[kHeaderBytes];
    const ssize_t n = ::pread(m_fd, header, sizeof header, 0);
    if (n == kHeaderBytes && std::memcmp(header, kMagic, sizeof kMagic) == 0) {
        m_generation = get<quint64>(header + 8);
        m_end = kHeaderBytes;
    }
}

AckJournal::~AckJournal()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

Result<AckJournal::Contents> AckJournal::read(const Mark &applied) const
{
    Contents contents;
    contents.generation = m_generation;
    if (m_generation == 0)
        return contents;
    struct stat st{};
    if (::fstat(m_fd, &st) != 0)
        return ioError(QStringLiteral("Reading"), errno);
    QByteArray file(qsizetype(st.st_size), Qt::Uninitialized);
    qint64 got = 0;
    while (got < st.st_size) {
        const ssize_t n = ::pread(m_fd, file.data() + got, size_t(st.st_size - got), got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return ioError(QStringLiteral("Reading"), errno);
        if (n == 0)
            break;
        got += n;
    }
    const qint64 start = applied.generation == m_generation ? std::max(applied.offset, kHeaderBytes) : kHeaderBytes;
    QHash<qint64, qsizetype> byOffset; // record offset → index in contents.records
    qint64 at = kHeaderBytes;
    while (at + kRecordHeaderBytes <= got) {
        const char *h = file.constData() + at;
        const quint32 length = get<quint32>(h);
        const quint32 crc = get<quint32>(h + 4);
        const quint64 generation = get<quint64>(h + 8);
        if (generation != m_generation || length < 1 || length > kMaxPayloadBytes
            || at + kRecordHeaderBytes + length > got)
            break;
        const char *p = h + kRecordHeaderBytes;
        if (crc32(p, length) != crc)
            break;
        const quint8 kind = quint8(p[0]);
        if (kind == kEnvelopeRecord && length >= kFixedPayloadBytes) {
            if (at >= start) {
                Record r;
                r.offset = at;
                r.sessionId = get<qint64>(p + 1);
                r.linkId = get<qint32>(p + 9);
                r.receivedUs = get<qint64>(p + 13);
                r.committedUs = get<qint64>(p + 21);
                r.raw = QByteArray(p + kFixedPayloadBytes, qsizetype(length - kFixedPayloadBytes));
                byOffset.insert(at, contents.records.size());
                contents.records.append(std::move(r));
            }
        } else if (kind == kAckTimesRecord && (length - 1) % kAckTimeBytes == 0) {
            for (qint64 i = 1; i + kAckTimeBytes <= qint64(length); i += kAckTimeBytes) {
                const auto found = byOffset.constFind(get<qint64>(p + i));
                if (found != byOffset.cend())
                    contents.records[*found].ackedUs = get<qint64>(p + i + 8);
            }
        } else {
            break; // a kind this version does not know: nothing after it can be trusted
        }
        at += kRecordHeaderBytes + length;
    }
    contents.end = at;
    return contents;
}

Result<void> AckJournal::restart()
{
    quint64 generation = 0;
    while (generation == 0 || generation == m_generation)
        generation = QRandomGenerator::system()->generate64();
    QByteArray header(kMagic, sizeof kMagic);
    put<quint64>(header, generation);
    // Overwritten in place, never truncated: the records after the header belong to the old generation
    // and end the journal until new ones replace them.
    if (!writeAll(m_fd, header.constData(), header.size(), 0))
        return ioError(QStringLiteral("Starting over"), errno);
    m_generation = generation;
    m_end = kHeaderBytes;
    return {};
}

Result<void> AckJournal::append(const QVector<Envelope> &batch, const QVector<AckTime> &ackTimes,
                                QVector<qint64> *offsets)
{
    if (batch.isEmpty() && ackTimes.isEmpty())
        return {};
    if (m_generation == 0) {
        if (auto r = restart(); !r)
            return r;
    }
    qsizetype total = ackTimes.isEmpty() ? 0 : kRecordHeaderBytes + 1 + ackTimes.size() * kAckTimeBytes;
    for (const Envelope &e : batch)
        total += kRecordHeaderBytes + kFixedPayloadBytes + e.raw.size();
    QByteArray out;
    out.reserve(total);
    auto beginRecord = [&](quint32 payloadBytes) {
        const qsizetype headerAt = out.size();
        put<quint32>(out, payloadBytes);
        put<quint32>(out, 0); // the CRC, once the payload is in
        put<quint64>(out, m_generation);
        return headerAt;
    };
    auto endRecord = [&](qsizetype headerAt) {
        const qsizetype payloadAt = headerAt + kRecordHeaderBytes;
        qToLittleEndian(crc32(out.constData() + payloadAt, out.size() - payloadAt), out.data() + headerAt + 4);
    };
    if (!ackTimes.isEmpty()) {
        const qsizetype headerAt = beginRecord(quint32(1 + ackTimes.size() * kAckTimeBytes));
        out.append(char(kAckTimesRecord));
        for (const AckTime &a : ackTimes) {
            put<qint64>(out, a.recordOffset);
            put<qint64>(out, a.ackedUs);
        }
        endRecord(headerAt);
    }
    if (offsets)
        offsets->clear();
    for (const Envelope &e : batch) {
        const qsizetype headerAt = beginRecord(quint32(kFixedPayloadBytes + e.raw.size()));
        if (offsets)
            offsets->append(m_end + headerAt);
        out.append(char(kEnvelopeRecord));
        put<qint64>(out, e.sessionId);
        put<qint32>(out, e.linkId);
        put<qint64>(out, e.receivedUs);
        put<qint64>(out, e.committedUs);
        out.append(e.raw);
        endRecord(headerAt);
    }
    if (!writeAll(m_fd, out.constData(), out.size(), m_end)) {
        const int errnum = errno;
        // A partial batch ends in a record that fails its checksum or stops short; the next append starts
        // at the same offset and overwrites it.
        return ioError(QStringLiteral("Writing"), errnum);
    }
    m_end += out.size();
    return {};
}

void AckJournal::remove()
{
    ::unlink(QFile::encodeName(m_path).constData());
}

QString AckJournal::markText(const Mark &mark)
{
    return QStringLiteral("%1:%2").arg(mark.generation, 16, 16, QLatin1Char('0')).arg(mark.offset);
}

AckJournal::Mark AckJournal::parseMark(const QString &text)
{
    Mark mark;
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return mark;
    bool okGeneration = false;
    bool okOffset = false;
    const quint64 generation = text.left(colon).toULongLong(&okGeneration, 16);
    const qint64 offset = text.mid(colon + 1).toLongLong(&okOffset);
    if (okGeneration && okOffset && offset >= 0)
        mark = {generation, offset};
    return mark;
}

} // namespace socketscope
