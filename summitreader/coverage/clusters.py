"""Union-find that refuses merges which would make a group say two different things.

Plain single-link grouping chains: a quote splicing two remarks ("Spain cannot sign… Our farmers
have given…") would join the group of each remark into one. Two rules stop that, because a real
group never breaks them: one article quotes a remark once (two quotes of one article in a group
are two remarks), and a group has one speaker (names must all be the same person).
"""

from __future__ import annotations

from collections.abc import Sequence

from summitreader.coverage.speakers import same_speaker


class RemarkClusters:
    """Groups of quote indices; `join` merges two groups only if the result stays one remark."""

    def __init__(self, articles: Sequence[int], speakers: Sequence[tuple[str, ...]]) -> None:
        count = len(articles)
        self._parent = list(range(count))
        self._articles: list[set[int]] = [{a} for a in articles]
        self._speakers: list[set[tuple[str, ...]]] = [{s} if s else set() for s in speakers]

    def find(self, item: int) -> int:
        parent = self._parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def join(self, a: int, b: int) -> bool:
        """Merge the groups of `a` and `b`; False (and nothing merged) if that breaks a rule."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if not self._articles[root_a].isdisjoint(self._articles[root_b]):
            return False
        names_a, names_b = self._speakers[root_a], self._speakers[root_b]
        if any(not same_speaker(x, y) for x in names_a for y in names_b if x != y):
            return False
        if len(self._articles[root_a]) < len(self._articles[root_b]):
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._articles[root_a] |= self._articles[root_b]
        self._speakers[root_a] |= self._speakers[root_b]
        self._articles[root_b] = set()
        self._speakers[root_b] = set()
        return True

    def groups(self) -> list[list[int]]:
        """Every group's members in index order, groups ordered by their first member."""
        by_root: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            by_root.setdefault(self.find(item), []).append(item)
        return sorted(by_root.values(), key=lambda members: members[0])
