"""Fitting the interview to a small or scaled screen (issue 17): 1366x700 at scale 1 to 2,
that is down to about 683x350 logical pixels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QSizePolicy, QWidget

# Below this width (logical pixels, the interview's own) the list of areas shows only the
# scoring member's column and the header line only the candidate and the date.
NARROW_WIDTH = 800
TITLE_BAR = 40  # room left for the window manager's title bar before the screen's edge


class PageScroll(QScrollArea):
    """A page that scrolls as a whole when the window is smaller than the page can be (it is
    never squeezed below a usable size), and keeps the control with the keys in view.

    The page gets the viewport's size, or its least size where the viewport is smaller: least
    by its minimum heights (a wrapped label's at the width given), not by its preferred ones,
    which Qt's own resizable scroll area uses and which left a table twice its useful height.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(page)
        self.setWidgetResizable(False)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page.installEventFilter(self)
        # On the next turn of the event loop, once the page is laid out (timers that are
        # children of this area die with it).
        self._fit_later = self._timer(self.fit_page)
        self._focus_later = self._timer(self.keep_focus_in_view)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def fit_page(self) -> None:
        page = self.widget()
        if page is None:
            return
        room = self.maximumViewportSize()  # without scroll bars
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width = max(room.width(), page.minimumSizeHint().width())
        height = self._least_height(page, width)
        if height > room.height():  # a vertical scroll bar takes its share of the width
            width = max(room.width() - bar, page.minimumSizeHint().width())
            height = self._least_height(page, width)
        if width > room.width():
            room.setHeight(room.height() - bar)
        page.resize(width, max(room.height(), height))
        self._focus_later.start()  # the page moved under the focus: keep it in view

    @staticmethod
    def _least_height(page: QWidget, width: int) -> int:
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return page.minimumSizeHint().height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_later.start()
        return handled

    def _focus_changed(self, _old: QWidget | None, _now: QWidget | None) -> None:
        # Once the page has been laid out (it may just have been shown or changed).
        self._focus_later.start()

    def keep_focus_in_view(self) -> None:
        focus = QApplication.focusWidget()
        page = self.widget()
        if focus is not None and page is not None and page.isAncestorOf(focus) and self.isVisible():
            self.ensureWidgetVisible(focus, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_page()
        self._focus_later.start()


class ElidedLabel(QLabel):
    """One line of plain text that gives way to its neighbours: elided in the middle when
    short of room (the whole text is the tip), never widening the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideMiddle, max(self.width(), 0)
        )
        if shown != self.text():
            self.setText(shown)
