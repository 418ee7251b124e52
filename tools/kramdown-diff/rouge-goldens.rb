# Makes the Rouge goldens: test/fixtures/kramdown/rouge/LANG.txt holds code samples separated by
# lines of "----"; LANG.json gets [code, Rouge 3.30's HTML of it] pairs (the HTML formatter alone,
# as kramdown's code blocks hold it). Run: ruby tools/kramdown-diff/rouge-goldens.rb
require "json"
require "rouge"

DIR = File.expand_path("../../test/fixtures/kramdown/rouge", __dir__)
Dir[File.join(DIR, "*.txt")].sort.each do |file|
  lexer = Rouge::Lexer.find(File.basename(file, ".txt"))
  samples = File.read(file).split(/^----\n/)
  pairs = samples.map { |code| [code, Rouge::Formatters::HTML.new.format(lexer.lex(code))] }
  File.write(file.sub(/\.txt\z/, ".json"), JSON.pretty_generate(pairs) + "\n")
end
