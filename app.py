"""The Action Plan dashboard: the frame (page config, navigation, shared sidebar, live refresh) around each page.

The frame itself lives in components/frame.py, so that a page opened without app.py can draw it too.
"""

from components import frame

page = frame.draw()
with frame.framed():
    page.run()
