"""Cities abroad are found as whole words: 河内 in “总部设在河内”, not in “黄河内蒙古段”."""

from assistant.text.cities import find_cities


def test_cities_are_whole_words():
    assert find_cities("总部设在河内，分行遍布各省") == ["河内"]
    assert find_cities("黄河内蒙古段开展生态治理") == []
    assert find_cities("代表团访问了威尼斯") == ["威尼斯"]  # 尼斯 is part of 威尼斯
    assert find_cities("胡志明市的人口超过900万") == ["胡志明市"]
