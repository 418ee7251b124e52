# Renders each template of test/render/liquid/lax/cases.json with Jekyll's Liquid (error_mode:
# warn, Jekyll's filters and include tag) and writes what Jekyll gives: the output, or the error
# that stops the build, and the "Liquid Warning" lines Jekyll prints for the template.
#
#   ruby tools/liquid-lax-goldens.rb            # GitHub Pages' Liquid 4.0.4 (/work/ref/liquid-4.0.4)
#   LIQUID=system ruby tools/liquid-lax-goldens.rb   # Debian's Liquid 5.4, to compare
require 'json'
require 'tmpdir'
LIQUID4 = ENV.fetch('LIQUID4_LIB', '/work/ref/liquid-4.0.4/lib')
$LOAD_PATH.unshift(LIQUID4) unless ENV['LIQUID'] == 'system'
require 'jekyll'

dir = ENV.fetch('LAX_DIR', File.expand_path('../test/render/liquid/lax', __dir__))
cases = JSON.parse(File.read(File.join(dir, 'cases.json')))
scope = JSON.parse(File.read(File.join(dir, 'scope.json')))
site = Jekyll::Site.new(Jekyll.configuration('source' => dir, 'destination' => File.join(Dir.tmpdir, 'lax-out'), 'quiet' => true))

results = cases.each_with_index.map do |c, i|
  file = site.liquid_renderer.file("case-#{i}.html")
  result = { 'name' => c['name'] }
  begin
    template = file.parse(c['template'])
    payload = Marshal.load(Marshal.dump(scope))
    result['output'] = template.render!(payload, registers: { site: site, page: payload['page'] })
  rescue StandardError => e
    result['error'] = e.message.gsub(dir, '.')
  end
  result['warnings'] = (template&.warnings || []).map { |w| Jekyll::LiquidRenderer.format_error(w, 'FILE') }
  result
end
name = ENV['LIQUID'] == 'system' ? 'golden-liquid5.json' : 'golden.json'
File.write(File.join(dir, name), JSON.pretty_generate({ 'liquid' => Liquid::VERSION, 'results' => results }) + "\n")
puts "#{results.size} cases, Liquid #{Liquid::VERSION} -> #{name}"
